import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { shareByApi } from './support/api.ts'
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

const quiz = {
  title: 'Planets and colours',
  loop: {
    videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
    videoTitle: 'Big Buck Bunny',
    provider: 'youtube' as const,
    videoId: 'aqz-KE-bpKQ',
    startS: 60,
    endS: 105,
  },
  questions: [
    {
      type: 'single' as const,
      prompt: 'Which planet is known as the red planet?',
      options: [
        { id: 'venus', text: 'Venus' },
        { id: 'mars', text: 'Mars' },
      ],
      correct: 'mars',
      explanation: 'Iron oxide makes its surface red.',
    },
    {
      type: 'multiple' as const,
      prompt: 'Which are primary colours of light?',
      options: [
        { id: 'r', text: 'Red' },
        { id: 'g', text: 'Green' },
        { id: 'y', text: 'Yellow' },
        { id: 'b', text: 'Blue' },
      ],
      correct: ['r', 'g', 'b'],
    },
    { type: 'true_false' as const, prompt: 'Water boils at 100 °C at sea level.', correct: true },
    { type: 'short_text' as const, prompt: 'What is the capital of France?', correct: ['Paris'] },
  ],
}

async function newPage(viewport: keyof typeof viewports = 'desktop'): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports[viewport], baseURL: baseUrl })
  return context.newPage()
}

async function next(page: Page, last = false) {
  await page.getByRole('button', { name: last ? 'See results' : 'Next question' }).click()
}

describe('taking a shared quiz', () => {
  it('a new user signs up, opens a shared link, answers every question and sees the results', async () => {
    const { shareUrl } = await shareByApi(baseUrl, quiz)
    const page = await newPage()

    await page.goto('/signup')
    await page.getByRole('heading', { name: 'Create your account' }).waitFor()
    await expectNoAxeViolations(page, 'sign-up page')
    await screenshot(page, 'signup-desktop')
    await page.getByLabel('Name').fill('Marie Curie')
    await page.getByLabel('Email').fill(`marie-${Date.now()}@example.test`)
    await page.getByLabel('Password').fill('radium-and-polonium')
    await page.getByRole('button', { name: 'Sign up' }).click()
    await page.getByRole('heading', { name: 'Welcome, Marie' }).waitFor()
    await expectNoAxeViolations(page, 'dashboard, empty')
    await page.getByRole('button', { name: 'Marie Curie' }).click()
    await page.getByRole('link', { name: 'My dashboard' }).waitFor()
    await expectNoAxeViolations(page, 'user menu, open')
    await page.keyboard.press('Escape')
    await screenshot(page, 'dashboard-empty-desktop')

    await page.goto(shareUrl)
    await page.getByRole('heading', { name: quiz.title }).waitFor()
    await expect(
      page
        .getByRole('link', { name: /Big Buck Bunny/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await expectNoAxeViolations(page, 'quiz: start panel, signed in')
    await screenshot(page, 'quiz-start-desktop')
    await page.getByRole('button', { name: 'Start quiz' }).click()

    await page.getByText('Question 1 of 4').waitFor()
    await expectNoAxeViolations(page, 'quiz: single-choice question')
    await page.getByRole('button', { name: 'Mars' }).click()
    await page.getByText('Correct!').waitFor()
    await page.getByText('Iron oxide makes its surface red.').waitFor()
    await expectNoAxeViolations(page, 'quiz: feedback, correct')
    await screenshot(page, 'quiz-feedback-desktop')
    await next(page)

    await page.getByText('Question 2 of 4').waitFor()
    for (const colour of ['Red', 'Green', 'Blue'])
      await page.getByRole('checkbox', { name: colour }).check()
    await expectNoAxeViolations(page, 'quiz: multiple-choice question, options ticked')
    await page.getByRole('button', { name: 'Submit answer' }).click()
    await page.getByText('Correct!').waitFor()
    await next(page)

    await page.getByText('Question 3 of 4').waitFor()
    await page.getByRole('button', { name: 'False' }).click()
    await page.getByText('Not quite').waitFor()
    await expectNoAxeViolations(page, 'quiz: feedback, wrong')
    await next(page)

    await page.getByText('Question 4 of 4').waitFor()
    await expectNoAxeViolations(page, 'quiz: short-answer question')
    await page.getByLabel('Your answer').fill('  paris ')
    await page.getByLabel('Your answer').press('Enter')
    await page.getByText('Correct!').waitFor()
    await next(page, true)

    await page.getByRole('heading', { name: 'Review your answers' }).waitFor()
    await page.getByText('3 / 4').waitFor()
    await page.getByText('3 of 4 correct').waitFor()
    await expectNoAxeViolations(page, 'quiz: results')
    await screenshot(page, 'quiz-results-desktop')

    await page.getByRole('link', { name: 'Back to dashboard' }).click()
    await page.getByRole('heading', { name: 'Recent results' }).waitFor()
    const result = page.getByRole('link', { name: new RegExp(quiz.title) })
    await result.getByText('3/4').waitFor()
    await expectNoAxeViolations(page, 'dashboard, with a result')
    await screenshot(page, 'dashboard-with-result-desktop')
    await page.context().close()
  }, 120_000)

  it('a guest takes a public link at phone width under a display name and resumes after a reload', async () => {
    const { shareUrl } = await shareByApi(baseUrl, quiz)
    const page = await newPage('phone')
    await page.goto(shareUrl)
    await page.getByRole('heading', { name: quiz.title }).waitFor()
    await expectNoAxeViolations(page, 'quiz: start panel, guest')
    await page.getByRole('button', { name: 'Start quiz' }).click()
    await page.getByText('Enter the name to show with your score.').waitFor()
    await expectNoAxeViolations(page, 'quiz: start panel, guest without a name')
    await page.getByLabel('Display name').fill('Guest Grace')
    await screenshot(page, 'quiz-start-phone')
    await page.getByRole('button', { name: 'Start quiz' }).click()
    await page.getByRole('button', { name: 'Venus' }).click()
    await page.getByText('Not quite').waitFor()
    await expectNoAxeViolations(page, 'quiz: feedback, guest')
    await screenshot(page, 'quiz-feedback-phone')

    await page.reload()
    await page.getByText('Question 2 of 4').waitFor()
    await page.getByRole('checkbox', { name: 'Red' }).check()
    await page.getByRole('button', { name: 'Submit answer' }).click()
    await page.getByText('Not quite').waitFor()
    await next(page)
    await page.getByRole('button', { name: 'True' }).click()
    await next(page)
    await page.getByLabel('Your answer').fill('Lyon')
    await page.getByRole('button', { name: 'Submit answer' }).click()
    await next(page, true)
    await page.getByText('1 / 4').waitFor()
    await expectNoAxeViolations(page, 'quiz: results, guest')
    await screenshot(page, 'quiz-results-phone')
    await page.context().close()
  })

  it('shows the landing page, and clear pages for an unknown link, an unknown page and a page that fails to load', async () => {
    const page = await newPage('phone')
    await page.goto('/')
    await page.getByRole('heading', { name: 'How it works' }).waitFor()
    await expectNoAxeViolations(page, 'landing page')
    await screenshot(page, 'landing-phone')
    await page.setViewportSize(viewports.desktop)
    await screenshot(page, 'landing-desktop')
    await page.setViewportSize(viewports.phone)
    await page.goto('/questions/AAAAAAAAAAAAAAAAAAAAAA')
    await page.getByRole('heading', { name: 'We couldn’t find this quiz' }).waitFor()
    await expectNoAxeViolations(page, 'quiz not found')
    await screenshot(page, 'quiz-not-found-phone')
    await page.goto('/no/such/page')
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await expectNoAxeViolations(page, 'page not found')
    await page.goto('/login')
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await expectNoAxeViolations(page, 'sign-in page')
    await page.getByLabel('Email').fill('nobody@example.test')
    await page.getByLabel('Password').fill('wrong-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('Wrong email or password.').waitFor()
    await expectNoAxeViolations(page, 'sign-in page, wrong password')
    await screenshot(page, 'login-error-phone')
    // A page whose code cannot download (the connection dropped) shows the error page.
    await page.route('**/assets/invitation-*.js', (route) => route.abort())
    await page.goto('/invitations/AAAAAAAAAAAAAAAAAAAAAA')
    await page.getByRole('heading', { name: 'Something went wrong' }).waitFor()
    await page.getByRole('button', { name: 'Reload the page' }).waitFor()
    await expectNoAxeViolations(page, 'error page')
    await page.context().close()
  })
})
