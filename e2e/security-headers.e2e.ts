import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type ShareInput, shareByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, viewports } from './support/browser.ts'

// The built app, the YouTube player and the API docs under the server's
// Content-Security-Policy: any directive it breaks shows up as a violation report here.
const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

declare global {
  interface Window {
    cspViolations?: string[]
  }
}

/** A page that records every CSP violation, in itself and in its frames. */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const context = await browser.newContext({ viewport: viewports.desktop, baseURL: baseUrl })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations ??= []
      window.cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber}:${event.columnNumber})`,
      )
    })
  })
  const page = await context.newPage()
  const consoleReports: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) consoleReports.push(message.text())
  })
  return {
    page,
    // Zod's probe for eval counts too: the web build makes zod skip it (see vite.config.ts).
    violations: async () => [
      ...consoleReports,
      ...(await page.evaluate(() => window.cspViolations ?? [])),
    ],
  }
}

const questions: ShareInput['questions'] = [
  {
    type: 'single',
    prompt: 'Which planet is known as the red planet?',
    options: [
      { id: 'venus', text: 'Venus' },
      { id: 'mars', text: 'Mars' },
    ],
    correct: 'mars',
  },
  { type: 'true_false', prompt: 'Water boils at 100 °C at sea level.', correct: true },
]

describe('the Content-Security-Policy in a real browser', () => {
  it('lets the web app run and embed a YouTube player', async () => {
    const { shareUrl } = await shareByApi(baseUrl, {
      title: 'Red planet',
      loop: {
        videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
        videoTitle: 'Big Buck Bunny',
        provider: 'youtube',
        videoId: 'aqz-KE-bpKQ',
        startS: 60,
        endS: 105,
      },
      questions,
    })
    const { page, violations } = await watchedPage()
    await page.goto('/signup')
    await page.getByRole('button', { name: 'Sign up' }).waitFor()
    await page.goto(shareUrl)
    await page.getByRole('heading', { name: 'Red planet' }).waitFor()
    // The player may wait behind its thumbnail (from i.ytimg.com) until pressed.
    const play = page.getByRole('button', { name: 'Play video: Big Buck Bunny' })
    if ((await play.count()) > 0) await play.click()
    const player = page.locator('iframe[title="YouTube video: Big Buck Bunny"]')
    await expect(player.getAttribute('src')).resolves.toMatch(
      /^https:\/\/www\.youtube-nocookie\.com\/embed\/aqz-KE-bpKQ/,
    )
    await expectNoAxeViolations(page, 'quiz: start panel, YouTube player loaded')
    await page.getByLabel('Display name').fill('Guest')
    await page.getByRole('button', { name: 'Start quiz' }).click()
    await page.getByText('Question 1 of 2').waitFor()
    await page.getByRole('button', { name: 'Mars' }).click()
    await page.getByText('Correct!').waitFor()
    expect(await violations()).toEqual([])
    await page.context().close()
  })

  it('lets a video file pasted as a plain http: URL load', async () => {
    const { shareUrl } = await shareByApi(baseUrl, {
      title: 'Own video',
      loop: {
        videoUrl: 'http://media.example.test/lecture.mp4',
        videoTitle: 'Lecture',
        provider: 'html5',
        startS: 0,
        endS: 10,
      },
      questions,
    })
    const { page, violations } = await watchedPage()
    await page.goto(shareUrl)
    await page.getByRole('heading', { name: 'Own video' }).waitFor()
    // The address does not resolve on this closed network; what matters is that the
    // browser asks for it and the policy reports nothing.
    const videoRequest = page.waitForRequest((request) =>
      request.url().startsWith('http://media.example.test/'),
    )
    await page.reload()
    await videoRequest
    await expectNoAxeViolations(page, 'quiz: start panel, video file player')
    expect(await violations()).toEqual([])
    await page.context().close()
  })

  it('lets the API docs (Swagger UI) render', async () => {
    const { page, violations } = await watchedPage()
    await page.goto('/api/docs')
    await page.getByRole('heading', { name: /LoopQuiz API/ }).waitFor()
    await page.getByText('/api/groups/{groupId}/members').first().waitFor()
    expect(await violations()).toEqual([])
    await page.context().close()
  })
})
