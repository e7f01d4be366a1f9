import { ApiError, createApiClient, endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { shareByApi } from './support/api.ts'
import { findAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

// Nothing listens on port 9 (discard): the video fails the way an offline or removed one does.
const missingVideo = 'http://127.0.0.1:9/missing.webm'

const timedQuestion = {
  type: 'single' as const,
  prompt: 'Which planet is known as the red planet?',
  options: [
    { id: 'venus', text: 'Venus' },
    { id: 'mars', text: 'Mars' },
  ],
  correct: 'mars',
  timeLimitS: 5,
}
const untimedQuestion = {
  type: 'true_false' as const,
  prompt: 'Water boils at 100 °C at sea level.',
  correct: true,
}

const quiz = {
  title: 'Against the clock',
  loop: {
    videoUrl: missingVideo,
    videoTitle: 'A lecture that is gone',
    provider: 'html5' as const,
    startS: 2,
    endS: 9,
  },
  questions: [timedQuestion, untimedQuestion],
}

async function newPage(viewport: keyof typeof viewports): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports[viewport], baseURL: baseUrl })
  return context.newPage()
}

async function expectNoAxeViolations(page: Page) {
  // Mid-animation colours are see-through: contrast is checked on what stays on screen.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  )
  await expect(findAxeViolations(page)).resolves.toEqual([])
}

/** The attempt the quiz page remembers for this share, as the taker's browser holds it. */
async function attemptIdIn(page: Page, token: string): Promise<string> {
  const id = await page.evaluate(
    (key) => window.localStorage.getItem(key),
    `loopquiz:attempt:${token}`,
  )
  if (!id) throw new Error('the page remembers no attempt')
  return id
}

async function startAsGuest(page: Page, shareUrl: string) {
  await page.goto(shareUrl)
  await page.getByRole('heading', { name: quiz.title }).waitFor()
  await page.getByLabel('Display name').fill('Guest Grace')
  await page.getByRole('button', { name: 'Start quiz' }).click()
  await page.getByText('Question 1 of 2').waitFor()
}

describe('question time limits and a video that does not load', () => {
  it('a guest sees the countdown run out, the question lock unanswered, and the server refuse a late answer', async () => {
    const { token, shareUrl } = await shareByApi(baseUrl, quiz)
    const page = await newPage('desktop')
    await page.goto(shareUrl)
    await page.getByRole('heading', { name: quiz.title }).waitFor()

    await page.getByText('The video could not be loaded.').waitFor()
    const openVideo = page.getByRole('link', { name: /Open the video/ })
    await expect(openVideo.getAttribute('href')).resolves.toBe(missingVideo)
    await expect(openVideo.getAttribute('target')).resolves.toBe('_blank')
    await expectNoAxeViolations(page)
    await screenshot(page, 'time-limits-video-failed-desktop')

    await page.getByLabel('Display name').fill('Guest Grace')
    await page.getByRole('button', { name: 'Start quiz' }).click()
    await page.getByText('Question 1 of 2').waitFor()
    const timer = page.getByRole('timer', { name: 'Time left to answer' })
    await expect(timer.textContent()).resolves.toMatch(/^0:0[1-5]$/)
    await expectNoAxeViolations(page)
    await screenshot(page, 'time-limits-countdown-desktop')

    await page.getByText('Time is up — not answered').waitFor({ timeout: 10_000 })
    await expect(page.getByRole('button', { name: 'Mars' }).isDisabled()).resolves.toBe(true)
    await expect(timer.count()).resolves.toBe(0)
    await expectNoAxeViolations(page)
    await screenshot(page, 'time-limits-time-up-desktop')

    // Past the limit and the server's grace, an answer sent straight to the API is refused.
    await page.waitForTimeout(2_500)
    const attemptId = await attemptIdIn(page, token)
    const guestApi = createApiClient({ baseUrl })
    const { questions } = await guestApi(endpoints.getQuestionSet, { params: { token } })
    const late = guestApi(endpoints.submitAnswer, {
      params: { attemptId },
      body: {
        clientAnswerId: 'late-answer-0001',
        questionId: questions[0]?.id ?? '',
        response: 'mars',
      },
    })
    await expect(late).rejects.toBeInstanceOf(ApiError)
    await expect(late).rejects.toMatchObject({ status: 409, code: 'TIME_LIMIT_PASSED' })

    await page.getByRole('button', { name: 'Next question' }).click()
    await page.getByText('Question 2 of 2').waitFor()
    await expect(page.getByRole('timer').count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'True' }).click()
    await page.getByText('Correct!').waitFor()
    await page.getByRole('button', { name: 'See results' }).click()

    await page.getByRole('heading', { name: 'Review your answers' }).waitFor()
    await page.getByText('1 of 2 correct').waitFor()
    await page.getByText('Not answered', { exact: true }).waitFor()
    await expectNoAxeViolations(page)
    await screenshot(page, 'time-limits-results-desktop')
    await page.context().close()
  })

  it('keeps the time left across a reload at phone width, then locks the question', async () => {
    // Longer than the first test's limit, so that a slow reload still lands inside it.
    const { shareUrl } = await shareByApi(baseUrl, {
      ...quiz,
      questions: [{ ...timedQuestion, timeLimitS: 20 }, untimedQuestion],
    })
    const page = await newPage('phone')
    await startAsGuest(page, shareUrl)
    await page.getByText('The video could not be loaded.').waitFor()
    const timer = page.getByRole('timer', { name: 'Time left to answer' })
    await timer.waitFor()
    await expectNoAxeViolations(page)
    await screenshot(page, 'time-limits-countdown-phone')

    await page.waitForTimeout(3_000)
    await page.reload()
    await page.getByText('Question 1 of 2').waitFor()
    // The server's first opening stands: the countdown goes on rather than starting over.
    const secondsLeft = Number((await timer.textContent())?.replace('0:', ''))
    expect(secondsLeft).toBeLessThanOrEqual(17)

    await page.getByText('Time is up — not answered').waitFor({ timeout: 25_000 })
    await expect(page.getByRole('button', { name: 'Venus' }).isDisabled()).resolves.toBe(true)
    await expectNoAxeViolations(page)
    await screenshot(page, 'time-limits-time-up-phone')
    await page.getByRole('button', { name: 'Next question' }).click()
    await page.getByText('Question 2 of 2').waitFor()
    await page.context().close()
  })
})
