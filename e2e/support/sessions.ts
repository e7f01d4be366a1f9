import type { Browser, Page } from 'playwright-core'
import { viewports } from './browser.ts'

/** The password signUpByApi gives every account. */
export const password = 'correct-horse-battery'

/** A phone as the session pages are checked on (larger than `viewports.phone`). */
export const phoneViewport = { width: 390, height: 844 } as const

/** A loop and two questions, for sessions made through the API. */
export const bunnyLoop = {
  videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
  videoTitle: 'Big Buck Bunny',
  provider: 'youtube' as const,
  videoId: 'aqz-KE-bpKQ',
  startS: 60,
  endS: 105,
}

export const bunnyQuestions = [
  {
    type: 'single' as const,
    prompt: 'Which animal is the hero of the film?',
    options: [
      { id: 'rabbit', text: 'A rabbit' },
      { id: 'squirrel', text: 'A squirrel' },
      { id: 'bird', text: 'A bird' },
    ],
    correct: 'rabbit',
  },
  { type: 'true_false' as const, prompt: 'The film is animated.', correct: true },
]

/** A session source typed in by hand: the loop and its questions. */
export const manualSource = {
  kind: 'manual' as const,
  loop: bunnyLoop,
  questions: bunnyQuestions,
}

/** A page of its own (own cookies) in the viewer's zone, British English. */
export async function newPageIn(
  browser: Browser,
  viewport: keyof typeof viewports | { width: number; height: number },
  timezoneId: string,
  baseURL: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: typeof viewport === 'string' ? viewports[viewport] : viewport,
    baseURL,
    timezoneId,
    locale: 'en-GB',
  })
  return context.newPage()
}

/** Signs in through the login form and waits for the dashboard ("Welcome" for a new account). */
export async function signIn(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: /^Welcome( back)?, / }).waitFor()
}

/** What the wall clock of `zone` shows at `at`, as date and time inputs take it. */
export function wallTimeIn(zone: string, at: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  )
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  }
}

/** The RFC 5545 weekday code (MO…SU) of `at` on the wall clock of `zone`. */
export function weekdayCodeIn(zone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' })
    .format(at)
    .slice(0, 2)
    .toUpperCase()
}
