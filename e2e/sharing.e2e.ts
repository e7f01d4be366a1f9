import { readFile } from 'node:fs/promises'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { parseCsv } from './support/csv.ts'
import { bunnyLoop, bunnyQuestions, password } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** A page of its own (own cookies), signed in as `email` when given, through the real API. */
async function newPage(email?: string, viewport: keyof typeof viewports = 'desktop') {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    baseURL: baseUrl,
    acceptDownloads: true,
    locale: 'en-GB',
  })
  if (email) {
    const response = await context.request.post('/api/auth/sign-in/email', {
      headers: { origin: baseUrl },
      data: { email, password },
    })
    expect(response.status()).toBe(200)
  }
  return context.newPage()
}

async function chooseOptions(page: Page) {
  await page.getByRole('radio', { name: /Signed-in users only/ }).check()
  await page.getByLabel('Attempts per person').fill('1')
  await page.getByRole('radio', { name: /When they finish/ }).check()
}

describe('sharing with options and seeing who took it', () => {
  it('an author shares a loop for signed-in takers once each, sees who took it, downloads the CSV and turns the link off', async () => {
    const title = `Bunny quiz ${Date.now()}`
    const author = await signUpByApi(baseUrl, 'Sharing Author')
    await author.api(endpoints.createLoop, {
      body: { ...bunnyLoop, videoTitle: title, questions: bunnyQuestions },
    })
    const taker = await signUpByApi(baseUrl, 'Sam Taker')

    // The author shares with options from the loops page.
    const page = await newPage(author.email)
    await page.goto('/loops')
    await page.getByRole('button', { name: `Share as quiz: ${title}` }).click()
    await page.getByRole('heading', { name: 'Share as quiz' }).waitFor()
    const attemptsField = page.getByLabel('Attempts per person')
    await expect(attemptsField.isDisabled()).resolves.toBe(true)
    await page
      .getByText('A limit counts per account, so it needs “Signed-in users only”.')
      .waitFor()
    await chooseOptions(page)
    await page.getByLabel('Link expires').selectOption('custom')
    await page.getByLabel('Last day open').waitFor()
    await expectNoAxeViolations(page, 'share dialog, options chosen')
    await screenshot(page, 'share-dialog-desktop')
    await page.getByLabel('Link expires').selectOption('never')
    await page.getByRole('button', { name: 'Create quiz link' }).click()
    await page.getByText('Your quiz link is ready').waitFor()
    const shareUrl = await page.getByText(`${baseUrl}/questions/`).textContent()
    expect(shareUrl).toMatch(/\/questions\/[A-Za-z0-9_-]+$/)
    const token = String(shareUrl).split('/questions/')[1]
    await expectNoAxeViolations(page, 'share dialog, link made')
    await page.getByRole('button', { name: 'Done' }).click()

    // Sharing it again unchanged offers the same link.
    await page.getByRole('button', { name: `Share again: ${title}` }).click()
    await chooseOptions(page)
    await page.getByRole('button', { name: 'Create quiz link' }).click()
    await page.getByText('You already shared this loop unchanged: here is its link').waitFor()
    await page.getByText(String(shareUrl)).waitFor()
    await page.getByRole('button', { name: 'Make a new link anyway' }).waitFor()
    await expectNoAxeViolations(page, 'share dialog, existing link offered')
    await screenshot(page, 'share-dialog-reused-desktop')
    await page.getByRole('button', { name: 'Done' }).click()

    // Before anyone takes it: the empty state.
    await page.goto(`/shares/${token}`)
    await page.getByRole('heading', { name: title, level: 1 }).waitFor()
    await page.getByText('Nobody has taken this quiz yet. Send the link to someone.').waitFor()
    await expectNoAxeViolations(page, 'share page, nobody yet')

    // The taker takes it once; a second attempt is refused.
    const takerPage = await newPage(taker.email, 'phone')
    await takerPage.goto(String(shareUrl))
    await takerPage.getByText('One attempt each').waitFor()
    await takerPage.getByRole('button', { name: 'Start quiz' }).click()
    await takerPage.getByRole('button', { name: 'A rabbit' }).click()
    await takerPage.getByRole('button', { name: 'Next question' }).click()
    await takerPage.getByRole('button', { name: 'False' }).click()
    await takerPage.getByRole('button', { name: 'See results' }).click()
    await takerPage.getByRole('heading', { name: 'Review your answers' }).waitFor()
    await takerPage.getByRole('button', { name: 'Try again' }).click()
    await takerPage.getByText('You have used your attempt at this quiz.').waitFor()
    await expectNoAxeViolations(takerPage, 'quiz: out of attempts')
    await screenshot(takerPage, 'quiz-out-of-attempts-phone')
    await takerPage.getByRole('link', { name: 'See your latest attempt' }).click()
    await takerPage.getByRole('heading', { name: 'Review your answers' }).waitFor()

    // The author sees the attempt, the correct rates and the CSV.
    await page.reload()
    await page.getByRole('cell', { name: /Sam Taker/ }).waitFor()
    await page.getByText('100% right (1 of 1)').waitFor()
    await page.getByText('0% right (0 of 1)').waitFor()
    await expectNoAxeViolations(page, 'share page, one attempt')
    await screenshot(page, 'share-page-desktop')
    await page.setViewportSize(viewports.phone)
    await page.getByRole('listitem').filter({ hasText: 'Sam Taker' }).waitFor()
    await screenshot(page, 'share-page-phone')
    await page.setViewportSize(viewports.desktop)

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe(
      `${title.toLowerCase().replaceAll(' ', '-')}-attempts.csv`,
    )
    const rows = parseCsv(await readFile(String(await download.path()), 'utf8'))
    expect(rows[0]).toEqual([
      'name',
      'kind',
      'status',
      'score',
      'max score',
      'correct',
      'questions',
      'started at',
      'finished at',
      'duration seconds',
    ])
    expect(rows).toHaveLength(2)
    expect(rows[1]?.slice(0, 7)).toEqual(['Sam Taker', 'account', 'finished', '1', '2', '1', '2'])
    expect(rows[1]?.[7]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

    // Turned off, the link tells visitors so.
    await page.getByRole('button', { name: 'Turn link off' }).click()
    await page.getByRole('heading', { name: 'Turn this link off?' }).waitFor()
    await expectNoAxeViolations(page, 'share page, confirm turning off')
    await page.getByRole('dialog').getByRole('button', { name: 'Turn link off' }).click()
    await page.getByText(/^Link off since/).waitFor()
    await page.getByRole('button', { name: 'Turn link on' }).waitFor()

    const guest = await newPage()
    await guest.goto(String(shareUrl))
    await guest.getByRole('heading', { name: 'This link was turned off by its author.' }).waitFor()
    await expectNoAxeViolations(guest, 'quiz: link turned off')
    await screenshot(guest, 'quiz-link-off-desktop')
    await guest.setViewportSize(viewports.phone)
    await screenshot(guest, 'quiz-link-off-phone')

    // The dashboard's list leads to the share's page and shows the link is off.
    await page.goto('/')
    const listed = page.getByRole('listitem').filter({ hasText: title })
    await listed.getByText('Link off').waitFor()
    await listed.getByRole('link', { name: `See who took it: ${title}` }).click()
    await page.getByRole('heading', { name: title, level: 1 }).waitFor()

    for (const opened of [page, takerPage, guest]) await opened.context().close()
  }, 300_000)
})
