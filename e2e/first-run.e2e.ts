import { createApiClient, endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { bunnyLoop, bunnyQuestions } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const password = 'a-long-enough-password'

/** A full-page screenshot from the top: scrolled, the sticky header lands mid-page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, name)
}

/** The same account, signed in through the API, to make things behind the page's back. */
async function apiAs(email: string) {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  const token = response.headers.get('set-auth-token')
  return createApiClient({ baseUrl, headers: () => ({ authorization: `Bearer ${token}` }) })
}

/** The three steps as the list shows them: the link's target for an open one, "done" otherwise. */
async function stepsOf(page: Page) {
  const steps = page.getByRole('list', { name: 'First steps' }).getByRole('listitem')
  return steps.evaluateAll((items) =>
    items.map((item) => {
      const link = item.querySelector('a')
      return link ? `${link.textContent?.trim()} → ${link.getAttribute('href')}` : 'done'
    }),
  )
}

describe('first run', () => {
  it('a new user is welcomed with "Create a quiz" and three open first steps, which tick themselves off as they make a loop, a share and a group; the done card is dismissed for good', async () => {
    const context = await browser.newContext({ viewport: viewports.desktop, baseURL: baseUrl })
    const page = await context.newPage()
    const email = `nora-${Date.now()}@example.test`

    await page.goto('/signup')
    await page.getByLabel('Name').fill('Nora Newcomer')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign up' }).click()

    await page.getByRole('heading', { name: 'Welcome, Nora', exact: true, level: 1 }).waitFor()
    const checklist = page.getByRole('region', { name: 'Get started' })
    await checklist.getByText('0 of 3 done').waitFor()
    await expect(stepsOf(page)).resolves.toEqual([
      'Make a loop → /loops/new',
      'Share it → /loops',
      'Start a group → /groups',
    ])
    const createQuiz = page.getByRole('main').getByRole('link', { name: 'Create a quiz' })
    await expect(createQuiz.getAttribute('href')).resolves.toBe('/loops/new')

    // "Loops" sits between Dashboard and Groups in the top bar, which still fits a phone.
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav.getByRole('link').allInnerTexts()).resolves.toEqual([
      expect.anything(),
      'Dashboard',
      'Loops',
      'Groups',
    ])
    await expectNoAxeViolations(page, 'dashboard, new user')
    await shot(page, 'first-run-dashboard-desktop')
    await page.setViewportSize(viewports.phone)
    const overflow = await page.evaluate(() => {
      const header = document.querySelector('header')
      return {
        page: document.documentElement.scrollWidth - window.innerWidth,
        header: header ? header.scrollWidth - header.clientWidth : 0,
      }
    })
    expect(overflow).toEqual({ page: 0, header: 0 })
    await shot(page, 'first-run-dashboard-phone')
    // Every item is clear of the account button, which sits right of the navigation.
    const account = await page.getByRole('button', { name: 'Nora Newcomer' }).boundingBox()
    for (const name of ['Dashboard', 'Loops', 'Groups']) {
      const box = await nav.getByRole('link', { name }).boundingBox()
      expect(box && account && box.x + box.width <= account.x, name).toBe(true)
    }
    await page.setViewportSize(viewports.desktop)

    // The nav's "Loops" leads to the loops page.
    await nav.getByRole('link', { name: 'Loops' }).click()
    await page.getByRole('heading', { name: 'My loops', level: 1 }).waitFor()

    // A loop, made elsewhere: the first step is ticked and the account is no longer new.
    const api = await apiAs(email)
    const loop = await api(endpoints.createLoop, {
      body: { ...bunnyLoop, questions: bunnyQuestions },
    })
    await page.goto('/')
    await page.getByRole('heading', { name: 'Welcome back, Nora', level: 1 }).waitFor()
    await checklist.getByText('1 of 3 done').waitFor()
    await expect(stepsOf(page)).resolves.toEqual([
      'done',
      'Share it → /loops',
      'Start a group → /groups',
    ])
    await checklist.getByText('Make a loop (done)').waitFor()

    // A share and a group: every step done, the checklist says so until dismissed.
    await api(endpoints.createShare, { body: { loopId: loop.id, questions: bunnyQuestions } })
    await api(endpoints.createGroup, { body: { name: 'Nora’s circle' } })
    await page.reload()
    const done = page.getByRole('region', { name: 'You’re all set' })
    await done.waitFor()
    await expect(checklist.count()).resolves.toBe(0)
    await expectNoAxeViolations(page, 'dashboard, first steps done')
    await shot(page, 'first-run-done-desktop')
    await done.getByRole('button', { name: 'Dismiss' }).click()
    await done.waitFor({ state: 'detached' })
    await page.reload()
    await page.getByRole('heading', { name: 'Welcome back, Nora', level: 1 }).waitFor()
    await page
      .getByRole('region', { name: 'My loops' })
      .getByText('Big Buck Bunny')
      .first()
      .waitFor()
    await expect(done.count()).resolves.toBe(0)
    await expect(checklist.count()).resolves.toBe(0)
    // "Create a quiz" stays: it is the way to make the next one.
    await createQuiz.waitFor()
    await context.close()
  }, 180_000)
})
