// The acceptance journey, as a new user would take it: from sign-up to a quiz made in
// the web app alone, taken by a guest, and the author's view of who took it.
import { readFile } from 'node:fs/promises'
import type { PublicQuestion } from '@loopquiz/contract'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { parseCsv } from './support/csv.ts'
import { serveFixtures } from './support/fixtures.ts'

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

function questionCard(page: Page, number: number): Locator {
  return page.getByRole('group', { name: `Question ${number}`, exact: true })
}

describe('authoring in the web app', () => {
  it('a new user signs up, makes a loop from a video file with questions of every type and a suggested one, shares it, a guest takes it, and the author sees the attempt and its CSV', async () => {
    const context = await browser.newContext({
      viewport: viewports.desktop,
      baseURL: baseUrl,
      acceptDownloads: true,
      locale: 'en-GB',
    })
    const page = await context.newPage()
    await page.goto('/signup')
    await page.getByLabel('Name').fill('Ada Author')
    await page.getByLabel('Email').fill(`ada-${Date.now()}@example.test`)
    await page.getByLabel('Password').fill('analytical-engine')
    await page.getByRole('button', { name: 'Sign up' }).click()

    // The first run leads with making a quiz and a checklist of first steps.
    await page.getByRole('heading', { name: 'Welcome, Ada', level: 1 }).waitFor()
    const checklist = page.getByRole('region', { name: 'Get started' })
    await checklist.getByText('0 of 3 done').waitFor()
    await page.getByRole('main').getByRole('link', { name: 'Create a quiz' }).click()
    await page.waitForURL('**/loops/new')

    // A loop of a local video file, its times taken from the player, captions into the transcript.
    await page.getByLabel('Video link').fill(`${fixtures.origin}/clip.webm`)
    await page.getByLabel('Captions file (optional)').fill(`${fixtures.origin}/clip.vtt`)
    const setStart = page.getByRole('button', { name: 'Set start' })
    await expect.poll(() => setStart.isEnabled(), { timeout: 20_000 }).toBe(true)
    await seekVideo(page, 1)
    await setStart.click()
    await seekVideo(page, 3)
    await page.getByRole('button', { name: 'Set end' }).click()
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Start', exact: true }).inputValue())
      .toBe('0:01.0')
    await expect
      .poll(() => page.getByRole('textbox', { name: 'End', exact: true }).inputValue())
      .toBe('0:03.0')
    await page.getByLabel('Title').fill('Rabbits and colours')
    await page.waitForURL(/\/loops\/[0-9a-f-]{36}$/)
    const loopId = page.url().split('/').at(-1) ?? ''
    await page.getByRole('button', { name: 'Read captions from the video' }).click()
    await page.getByText('Added 2 captions from the loop to the transcript.').waitFor()

    // A suggestion from the transcript, accepted as it is, then one question of each type.
    await page.getByRole('button', { name: 'Add suggestion 1' }).click()
    await questionCard(page, 1).waitFor()

    await page.getByRole('button', { name: 'Add single choice' }).click()
    const single = questionCard(page, 2)
    await single.getByLabel('Question', { exact: true }).fill('Who watches from the meadow?')
    await single.getByLabel('Option A', { exact: true }).fill('A rabbit')
    await single.getByLabel('Option B', { exact: true }).fill('A fox')
    await single.getByLabel('Option A is correct').check()

    await page.getByRole('button', { name: 'Add multiple choice' }).click()
    const multiple = questionCard(page, 3)
    await multiple.getByLabel('Question', { exact: true }).fill('Which animals are named?')
    await multiple.getByLabel('Option A', { exact: true }).fill('Rabbit')
    await multiple.getByLabel('Option B', { exact: true }).fill('Fox')
    await multiple.getByRole('button', { name: 'Add option' }).click()
    await multiple.getByLabel('Option C', { exact: true }).fill('Whale')
    await multiple.getByLabel('Option A is correct').check()
    await multiple.getByLabel('Option B is correct').check()

    await page.getByRole('button', { name: 'Add true or false' }).click()
    const truth = questionCard(page, 4)
    await truth.getByLabel('Question', { exact: true }).fill('The colours scroll across.')
    await truth.getByRole('radio', { name: 'True' }).check()

    await page.getByRole('button', { name: 'Add short text' }).click()
    const text = questionCard(page, 5)
    await text.getByLabel('Question', { exact: true }).fill('What scrolls across the screen?')
    await text.getByLabel('Accepted answer 1', { exact: true }).fill('colours')
    await text.getByRole('button', { name: 'Add accepted answer' }).click()
    await text.getByLabel('Accepted answer 2', { exact: true }).fill('colors')

    await page.getByRole('status').getByText('Saved', { exact: true }).waitFor()
    await expectNoAxeViolations(page, 'loop editor, five questions')
    await screenshot(page, 'authoring-loop-desktop')
    await expect
      .poll(async () => {
        const response = await context.request.get(`/api/loops/${loopId}`)
        const loop = (await response.json()) as { questions: { type: string }[] }
        return loop.questions.map((question) => question.type).join(',')
      })
      .toMatch(/^(single|short_text),single,multiple,true_false,short_text$/)

    // Shared with the answer key shown once the taker finishes.
    await page.getByRole('button', { name: /^Share as quiz/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Share as quiz' })
    await dialog.getByRole('radio', { name: /When they finish/ }).check()
    await dialog.getByRole('button', { name: 'Create quiz link' }).click()
    await dialog.getByText('Your quiz link is ready').waitFor()
    const shareUrl = String(await dialog.getByText(`${baseUrl}/questions/`).textContent())
    const token = shareUrl.split('/questions/')[1] ?? ''
    await dialog.getByRole('button', { name: 'Done' }).click()

    // A guest on a phone takes it to the end: no key until finishing, then all of it.
    const guestContext = await browser.newContext({ viewport: viewports.phone, baseURL: baseUrl })
    const guest = await guestContext.newPage()
    await guest.goto(shareUrl)
    await guest.getByRole('heading', { name: 'Rabbits and colours' }).waitFor()
    await guest.getByRole('button', { name: 'Start quiz' }).click()
    await guest.getByLabel('Display name').fill('Guest Gus')
    await guest.getByRole('button', { name: 'Start quiz' }).click()
    await guest.getByText('Question 1 of 5').waitFor()
    const published = await guestContext.request.get(`/api/questions/${token}`)
    const suggested = ((await published.json()) as { questions: PublicQuestion[] }).questions[0]
    const firstOption = suggested?.options?.[0]?.text
    if (firstOption) {
      await guest.getByRole('button', { name: firstOption, exact: true }).click()
    } else {
      await guest.getByLabel('Your answer').fill('rabbit')
      await guest.getByRole('button', { name: 'Submit answer' }).click()
    }
    await guest.getByRole('button', { name: 'Next question' }).click()
    await guest.getByText('Question 2 of 5').waitFor()
    await guest.getByRole('button', { name: 'A rabbit' }).click()
    const next = guest.getByRole('button', { name: 'Next question' })
    await next.waitFor()
    // Right or wrong is told at once; the key waits for the end.
    await guest.getByText('Correct!').waitFor()
    await guest.getByText('Shown when you finish').first().waitFor()
    await next.click()
    await guest.getByRole('checkbox', { name: 'Rabbit' }).check()
    await guest.getByRole('checkbox', { name: 'Fox' }).check()
    await guest.getByRole('button', { name: 'Submit answer' }).click()
    await guest.getByRole('button', { name: 'Next question' }).click()
    await guest.getByRole('button', { name: 'False' }).click()
    await guest.getByRole('button', { name: 'Next question' }).click()
    await guest.getByLabel('Your answer').fill('Colors')
    await guest.getByRole('button', { name: 'Submit answer' }).click()
    await guest.getByRole('button', { name: 'See results' }).click()
    await guest.getByRole('heading', { name: 'Review your answers' }).waitFor()
    await guest.getByText(/^[34] of 5 correct$/).waitFor()
    await expectNoAxeViolations(guest, 'guest result')
    await screenshot(guest, 'authoring-guest-result-phone')

    // The author sees who took it and downloads the attempts.
    await page.goto(`/shares/${token}`)
    await page.getByRole('heading', { name: 'Rabbits and colours', level: 1 }).waitFor()
    await page.getByRole('cell', { name: /Guest Gus/ }).waitFor()
    await expectNoAxeViolations(page, 'who took it')
    await screenshot(page, 'authoring-who-took-it-desktop')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ])
    const rows = parseCsv(await readFile(String(await download.path()), 'utf8'))
    expect(rows).toHaveLength(2)
    expect(rows[1]?.slice(0, 3)).toEqual(['Guest Gus', 'guest', 'finished'])
    expect(rows[1]?.[6]).toBe('5')
    expect(['3', '4']).toContain(rows[1]?.[5])

    // The checklist has ticked off the loop and the share.
    await page.goto('/')
    await checklist.getByText('2 of 3 done').waitFor()
    await guestContext.close()
    await context.close()
  }, 300_000)
})
