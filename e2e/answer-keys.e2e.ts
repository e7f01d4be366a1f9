import { fileURLToPath } from 'node:url'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { shareByApi, signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const loop = {
  videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
  videoTitle: 'Big Buck Bunny',
  provider: 'youtube' as const,
  videoId: 'aqz-KE-bpKQ',
  startS: 60,
  endS: 105,
}
const questions = [
  {
    type: 'single' as const,
    prompt: 'Which animal is the hero of the film?',
    options: [
      { id: 'rabbit', text: 'A rabbit' },
      { id: 'squirrel', text: 'A squirrel' },
    ],
    correct: 'rabbit',
    explanation: 'Big Buck Bunny is a large, gentle rabbit.',
  },
  {
    type: 'short_text' as const,
    prompt: 'Who made the film?',
    correct: ['Blender Foundation'],
    explanation: 'The Blender Foundation made it with Blender.',
  },
]

async function newPage(viewport: keyof typeof viewports = 'desktop'): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports[viewport], baseURL: baseUrl })
  return context.newPage()
}

async function startAsGuest(page: Page, url: string, name: string): Promise<string> {
  await page.goto(url)
  await page.getByLabel('Display name').fill(name)
  const started = page.waitForResponse(
    (response) => response.request().method() === 'POST' && /\/attempts$/.test(response.url()),
  )
  await page.getByRole('button', { name: 'Start quiz' }).click()
  return ((await (await started).json()) as { id: string }).id
}

describe('answer keys', () => {
  it('an author shares with "never" from the loops page; a guest sees right or wrong and the score, never a correct answer', async () => {
    const author = await signUpByApi(baseUrl, 'Kim Author')
    await author.api(endpoints.createLoop, { body: { ...loop, questions } })

    const authorPage = await newPage()
    await authorPage.goto('/login')
    await authorPage.getByLabel('Email').fill(author.email)
    await authorPage.getByLabel('Password').fill('correct-horse-battery')
    await authorPage.getByRole('button', { name: 'Sign in' }).click()
    await authorPage.getByRole('heading', { name: /^Welcome back, / }).waitFor()
    await authorPage.goto('/loops')
    await authorPage.getByRole('button', { name: 'Share as quiz: Big Buck Bunny' }).waitFor()
    await expectNoAxeViolations(authorPage, 'loops, one loop')
    await authorPage.getByRole('button', { name: 'Share as quiz: Big Buck Bunny' }).click()
    const dialog = authorPage.getByRole('dialog', { name: 'Share as quiz' })
    await dialog.waitFor()
    await expect(
      dialog.getByRole('radio', { name: /After each answer/ }).isChecked(),
    ).resolves.toBe(true)
    // Keyboard only: the radio group moves with the arrow keys.
    await dialog.getByRole('radio', { name: /After each answer/ }).focus()
    await authorPage.keyboard.press('ArrowDown')
    await authorPage.keyboard.press('ArrowDown')
    await expect(dialog.getByRole('radio', { name: /^Never/ }).isChecked()).resolves.toBe(true)
    await expectNoAxeViolations(authorPage, 'share dialog')
    await authorPage.screenshot({
      path: fileURLToPath(new URL('./screenshots/answer-keys-share-dialog.png', import.meta.url)),
    })
    await dialog.getByRole('button', { name: 'Create quiz link' }).click()
    const openQuiz = authorPage.getByRole('link', { name: 'Open quiz' })
    await openQuiz.waitFor()
    const quizPath = await openQuiz.getAttribute('href')
    expect(quizPath).toMatch(/^\/questions\//)
    await expectNoAxeViolations(authorPage, 'share dialog, link made')
    await authorPage.goto('/')
    await authorPage.getByText('Answers never shown').first().waitFor()
    await expectNoAxeViolations(authorPage, 'dashboard, a shared quiz')
    await authorPage.context().close()

    const guest = await newPage('phone')
    await guest.goto(quizPath ?? '')
    await guest
      .getByText('The author does not show the correct answers, only whether you were right.')
      .waitFor()
    await expectNoAxeViolations(guest, 'quiz: start panel, answers never shown')
    await startAsGuest(guest, quizPath ?? '', 'Guest Gus')
    await guest.getByRole('button', { name: 'A squirrel' }).click()
    await guest.getByText('Not quite').waitFor()
    await guest.getByText('The author does not show answers').waitFor()
    await expect(guest.getByText('(correct answer)').count()).resolves.toBe(0)
    await expectNoAxeViolations(guest, 'quiz: feedback, answers never shown')
    await guest.getByRole('button', { name: 'Next question' }).click()
    await guest.getByLabel('Your answer').fill('blender foundation')
    await guest.getByRole('button', { name: 'Submit answer' }).click()
    await guest.getByText('Correct!').waitFor()
    await guest.getByRole('button', { name: 'See results' }).click()

    const review = guest.getByRole('region', { name: 'Review your answers' })
    await review.waitFor()
    await guest.getByText('1 of 2 correct').waitFor()
    await expect(review.getByText('The author does not show answers').count()).resolves.toBe(2)
    const text = await guest.locator('body').textContent()
    expect(text).not.toContain('gentle rabbit')
    expect(text).not.toContain('made it with Blender')
    await expectNoAxeViolations(guest, 'quiz: results, answers never shown')
    await screenshot(guest, 'answer-keys-never-review-phone')
    await guest.context().close()
  }, 120_000)

  it('with "after finishing", a guest who leaves a question unanswered sees it as not answered, with every key once finished', async () => {
    const { shareUrl } = await shareByApi(baseUrl, {
      title: 'Keys at the end',
      loop,
      questions,
      showAnswers: 'after_finishing',
    })
    const guest = await newPage()
    const attemptId = await startAsGuest(guest, shareUrl, 'Guest Gina')
    await guest.getByRole('button', { name: 'A rabbit' }).click()
    await guest.getByText('Correct!').waitFor()
    await guest.getByText('Shown when you finish').waitFor()
    await expectNoAxeViolations(guest, 'quiz: feedback, answers shown at the end')
    expect(await guest.locator('body').textContent()).not.toContain('gentle rabbit')

    // Finishing before the last question, as a closed tab or a second device would.
    const finished = await fetch(`${baseUrl}/api/attempts/${attemptId}/finish`, {
      method: 'POST',
      headers: { origin: baseUrl },
    })
    expect(finished.status).toBe(200)
    await guest.reload()
    const review = guest.getByRole('region', { name: 'Review your answers' })
    await review.waitFor()
    await review.getByText('Not answered', { exact: true }).waitFor()
    await review.getByText('Blender Foundation', { exact: true }).waitFor()
    await review.getByText('Big Buck Bunny is a large, gentle rabbit.').waitFor()
    await expectNoAxeViolations(guest, 'quiz: results, answers shown at the end')
    await screenshot(guest, 'answer-keys-after-finishing-review-desktop')
    await guest.context().close()
  })
})
