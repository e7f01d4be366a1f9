import { endpoints } from '@loopquiz/contract'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { findAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { serveFixtures } from './support/fixtures.ts'
import { password } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser
let fixtures: Awaited<ReturnType<typeof serveFixtures>>

beforeAll(async () => {
  browser = await launchBrowser()
  fixtures = await serveFixtures()
})
afterAll(async () => {
  await browser?.close()
  fixtures?.server.close()
})

/** Polls until the value matches, for what the page reaches in its own time (a loaded busy machine is slow). */
function eventually<T>(read: () => Promise<T>) {
  return expect.poll(read, { timeout: 20_000, interval: 100 })
}

async function expectNoViolations(page: Page) {
  await expect(findAxeViolations(page)).resolves.toEqual([])
}

/** A full-page screenshot taken from the top: scrolled, the sticky header lands mid-page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, name)
}

/** Signs in through the login form on the way to `next`. */
async function signIn(context: BrowserContext, email: string, next: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`/login?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === next)
  return page
}

/** Moves the video to `seconds` and waits until the frame there is shown. */
async function seekVideo(page: Page, seconds: number) {
  await page.locator('video').evaluate(
    (video: HTMLVideoElement, to) =>
      new Promise<void>((resolve) => {
        video.addEventListener('seeked', () => resolve(), { once: true })
        video.currentTime = to
      }),
    seconds,
  )
}

function timeField(page: Page, label: 'Start' | 'End') {
  return page.getByRole('textbox', { name: label, exact: true })
}

async function expectTimes(page: Page, start: string, end: string) {
  await eventually(() => timeField(page, 'Start').inputValue()).toBe(start)
  await eventually(() => timeField(page, 'End').inputValue()).toBe(end)
}

describe('loop editor', () => {
  it('makes a loop from a video file: times from the player, nudges, a looping preview, captions into the transcript, questions; all kept over reloads and saved to the account', async () => {
    const author = await signUpByApi(baseUrl, 'Loop Author')
    const videoUrl = `${fixtures.origin}/clip.webm`
    const captionsUrl = `${fixtures.origin}/clip.vtt`
    const context = await browser.newContext({ viewport: viewports.desktop, baseURL: baseUrl })

    // No loops yet: the list says what to do and leads to the editor.
    const page = await signIn(context, author.email, '/loops')
    await page.getByText('Make your first loop').waitFor()
    await expectNoViolations(page)
    await shot(page, 'loops-empty-desktop')
    await page.getByRole('link', { name: 'New loop' }).first().click()
    await page.waitForURL('**/loops/new')
    await page.getByRole('heading', { name: 'New loop', level: 1 }).waitFor()
    await page.getByText('Paste a video link above and the player appears here.').waitFor()
    await expectNoViolations(page)
    await shot(page, 'loop-editor-blank-desktop')

    await page.getByLabel('Video link').fill(videoUrl)
    await page.getByLabel('Captions file (optional)').fill(captionsUrl)
    await page.locator('video').waitFor()
    const setStart = page.getByRole('button', { name: 'Set start' })
    await eventually(() => setStart.isEnabled()).toBe(true)
    // Nothing is on the account yet: the draft says what it still needs.
    await page.getByText('Draft kept in this browser. To save it: Give the loop a title.').waitFor()

    await seekVideo(page, 1)
    await setStart.click()
    await seekVideo(page, 3.04)
    await page.getByRole('button', { name: 'Set end' }).click()
    await expectTimes(page, '0:01.0', '0:03.0')
    await page.getByRole('button', { name: 'Start 0.5 s later' }).click()
    await page.getByRole('button', { name: 'End 0.5 s later' }).click()
    await expectTimes(page, '0:01.5', '0:03.5')
    await page.getByRole('button', { name: 'Start 0.5 s earlier' }).click()
    await page.getByRole('button', { name: 'End 0.5 s earlier' }).click()
    await expectTimes(page, '0:01.0', '0:03.0')
    // Typed as m:ss.s too; something that is not a time is pointed out and not taken.
    await timeField(page, 'End').fill('0:02.7')
    await timeField(page, 'End').press('Enter')
    await expectTimes(page, '0:01.0', '0:02.7')
    await timeField(page, 'End').fill('soon')
    await timeField(page, 'End').press('Tab')
    await page.getByText('Type a time like 1:15.3').waitFor()
    await timeField(page, 'End').fill('3')
    await timeField(page, 'End').press('Tab')
    await expectTimes(page, '0:01.0', '0:03.0')
    await page.getByText('The loop lasts 0:02.0.').waitFor()

    // The first complete draft is created on the account; the editor stays as it was.
    await page.locator('video').evaluate((video) => {
      video.dataset.testMark = 'before-create'
    })
    const title = page.getByLabel('Title')
    await title.fill('Colour bars')
    await page.waitForURL(/\/loops\/[0-9a-f-]{36}$/)
    const loopId = page.url().split('/').at(-1) ?? ''
    await page.getByRole('heading', { name: 'Edit loop', level: 1 }).waitFor()
    await expect(title.evaluate((input) => input === document.activeElement)).resolves.toBe(true)
    await expect(page.locator('video').getAttribute('data-test-mark')).resolves.toBe(
      'before-create',
    )
    await page.getByRole('status').getByText('Saved', { exact: true }).waitFor()

    // The preview plays the loop over and over: never past its end, back to its start.
    await page.getByRole('button', { name: 'Play loop' }).click()
    await page.getByRole('button', { name: 'Pause' }).waitFor()
    const seen: number[] = []
    for (let i = 0; i < 40; i += 1) {
      seen.push(
        await page.locator('video').evaluate((video: HTMLVideoElement) => video.currentTime),
      )
      await page.waitForTimeout(100)
    }
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0.95)
    expect(Math.max(...seen)).toBeLessThan(3.3)
    expect(seen.some((time, i) => i > 0 && time < (seen[i - 1] ?? 0) - 1)).toBe(true)
    await page.getByRole('button', { name: 'Pause' }).click()
    await page.getByRole('button', { name: 'Play loop' }).waitFor()
    await expect(
      page.locator('video').evaluate((video: HTMLVideoElement) => video.paused),
    ).resolves.toBe(true)

    // Captions shown within the loop (1 s to 3 s) go into the transcript.
    await page.getByRole('button', { name: 'Read captions from the video' }).click()
    await page.getByText('Added 2 captions from the loop to the transcript.').waitFor()
    const transcript = page.getByLabel('Transcript (optional)')
    await expect(transcript.inputValue()).resolves.toBe(
      'A curious rabbit watches from the meadow.\nBright colours scroll across the screen.',
    )

    // A suggestion from the transcript, taken as it is, and a question written by hand.
    await page.getByRole('heading', { name: 'Suggestions from the transcript' }).waitFor()
    await page.getByRole('button', { name: 'Add suggestion 1' }).click()
    await page.getByRole('button', { name: 'Add true or false' }).click()
    await page.getByText('1 question needs attention before it is saved.').waitFor()
    await expectNoViolations(page)
    await shot(page, 'loop-editor-desktop')
    const question = page.getByRole('group', { name: 'Question 2' })
    await question
      .getByLabel('Question', { exact: true })
      .fill('The colours scroll across the screen.')
    await page
      .getByText('1 question needs attention before it is saved.')
      .waitFor({ state: 'detached' })
    await page.getByRole('status').getByText('Saved', { exact: true }).waitFor()

    await page.reload()
    await page.getByRole('heading', { name: 'Edit loop', level: 1 }).waitFor()
    await expect(page.getByLabel('Video link').inputValue()).resolves.toBe(videoUrl)
    await expect(page.getByLabel('Captions file (optional)').inputValue()).resolves.toBe(
      captionsUrl,
    )
    await expectTimes(page, '0:01.0', '0:03.0')
    await expect(title.inputValue()).resolves.toBe('Colour bars')
    await expect(transcript.inputValue()).resolves.toContain('A curious rabbit')
    await expect(
      page
        .getByRole('group', { name: 'Question 2' })
        .getByLabel('Question', { exact: true })
        .inputValue(),
    ).resolves.toBe('The colours scroll across the screen.')

    const saved = await author.api(endpoints.getLoop, { params: { loopId } })
    expect(saved).toMatchObject({
      videoUrl,
      videoTitle: 'Colour bars',
      provider: 'html5',
      startS: 1,
      endS: 3,
      transcript:
        'A curious rabbit watches from the meadow.\nBright colours scroll across the screen.',
    })
    expect(saved.questions).toHaveLength(2)
    expect(saved.questions[0]?.prompt).toMatch(/^Fill in the blank: /)
    expect(saved.questions[1]).toMatchObject({
      type: 'true_false',
      prompt: 'The colours scroll across the screen.',
      correct: true,
    })

    // An edit not sent yet when the page reloads is still there, and then saved.
    await title.fill('Colour bars, scrolling')
    await page.reload()
    await page.getByRole('heading', { name: 'Edit loop', level: 1 }).waitFor()
    await eventually(() => page.getByLabel('Title').inputValue()).toBe('Colour bars, scrolling')
    await page.getByRole('status').getByText('Saved', { exact: true }).waitFor()
    await expect(
      author.api(endpoints.getLoop, { params: { loopId } }).then((loop) => loop.videoTitle),
    ).resolves.toBe('Colour bars, scrolling')

    // At phone width, the same loop in the editor and in the list.
    const phone = await browser.newContext({
      viewport: viewports.phone,
      baseURL: baseUrl,
      storageState: await context.storageState(),
    })
    const phonePage = await phone.newPage()
    await phonePage.goto(`/loops/${loopId}`)
    await phonePage.getByRole('heading', { name: 'Edit loop', level: 1 }).waitFor()
    await eventually(() => phonePage.getByRole('button', { name: 'Set start' }).isEnabled()).toBe(
      true,
    )
    await expectNoViolations(phonePage)
    await shot(phonePage, 'loop-editor-phone')
    await phonePage.goto('/loops')
    await phonePage.getByRole('link', { name: 'Colour bars, scrolling', exact: true }).waitFor()
    await expectNoViolations(phonePage)
    await shot(phonePage, 'loops-phone')
    await phone.close()

    // The list opens the editor; deleting asks first, then the loop is gone.
    await page.goto('/loops')
    await expectNoViolations(page)
    await shot(page, 'loops-desktop')
    await page.getByRole('link', { name: 'Colour bars, scrolling', exact: true }).click()
    await page.waitForURL(`**/loops/${loopId}`)
    await page.getByRole('button', { name: 'Delete loop' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete “Colour bars, scrolling”?' })
    await expectNoViolations(page)
    await dialog.getByRole('button', { name: 'Delete loop' }).click()
    await page.waitForURL((url) => url.pathname === '/loops')
    await page.getByText('Make your first loop').waitFor()
    await expect(author.api(endpoints.getLoop, { params: { loopId } })).rejects.toMatchObject({
      code: 'LOOP_NOT_FOUND',
    })
    await context.close()
  }, 240_000)

  it('keeps a new loop’s draft over a reload until it can be saved, and says when a video cannot play (a missing file, YouTube out of reach)', async () => {
    const author = await signUpByApi(baseUrl, 'Draft Keeper')
    const context = await browser.newContext({ viewport: viewports.phone, baseURL: baseUrl })
    const page = await signIn(context, author.email, '/loops/new')
    await page.getByLabel('Video link').fill('not a link')
    await page.getByText('Paste a link that starts with http:// or https://.').waitFor()
    await page.getByLabel('Video link').fill(`${fixtures.origin}/missing.webm`)
    await page.getByLabel('Title').fill('A video that is not there')
    await page
      .getByRole('alert')
      .getByText(/This video can’t be played here/)
      .waitFor()
    await page.getByRole('link', { name: /Open the video/ }).waitFor()
    await expectNoViolations(page)
    await shot(page, 'loop-editor-video-missing-phone')
    // A YouTube link loads YouTube's player, which cannot load here (no network): the editor
    // says so and the rest of it still works.
    await page.getByLabel('Video link').fill('https://www.youtube.com/watch?v=aqz-KE-bpKQ')
    await page.getByText('The YouTube player could not load here', { exact: false }).waitFor()
    await page
      .getByText('YouTube captions can’t be read here: paste the transcript instead.')
      .waitFor()
    await expect(page.getByLabel('Captions file (optional)').count()).resolves.toBe(0)
    await page.getByLabel('Video link').fill(`${fixtures.origin}/missing.webm`)
    await page
      .getByRole('alert')
      .getByText(/This video can’t be played here/)
      .waitFor()

    await page.reload()
    await page.getByRole('heading', { name: 'New loop', level: 1 }).waitFor()
    await eventually(() => page.getByLabel('Title').inputValue()).toBe('A video that is not there')
    await page
      .getByText('Draft kept in this browser. To save it: Set where the loop starts and ends.')
      .waitFor()
    // Typed times complete it, and it is saved without a player.
    await timeField(page, 'Start').fill('0:10')
    await timeField(page, 'End').fill('12.5')
    await timeField(page, 'End').press('Tab')
    await page.waitForURL(/\/loops\/[0-9a-f-]{36}$/)
    const loopId = page.url().split('/').at(-1) ?? ''
    await expect(author.api(endpoints.getLoop, { params: { loopId } })).resolves.toMatchObject({
      videoTitle: 'A video that is not there',
      startS: 10,
      endS: 12.5,
      questions: [],
    })
    await context.close()
  })
})
