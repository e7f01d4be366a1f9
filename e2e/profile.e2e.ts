import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { findAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { bunnyLoop } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const firstPassword = 'a-long-enough-password'
const newPassword = 'an-even-longer-passphrase'

/** No WCAG A/AA findings at desktop and at phone width; a screenshot of each, from the top. */
async function checkPage(page: Page, name: string) {
  for (const [width, size] of Object.entries(viewports)) {
    await page.setViewportSize(size)
    await page.evaluate(() => window.scrollTo(0, 0))
    await expect(findAxeViolations(page)).resolves.toEqual([])
    await screenshot(page, `${name}-${width}`)
  }
  await page.setViewportSize(viewports.desktop)
}

async function signInWith(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

describe('profile', () => {
  it('renames, changes the password, signs out everywhere, and deletes the account', async () => {
    const email = `grace-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`
    const context = await browser.newContext({ viewport: viewports.desktop, baseURL: baseUrl })
    const page = await context.newPage()

    await page.goto('/signup')
    await page.getByRole('heading', { name: 'Create your account' }).waitFor()
    await page.getByLabel('Name').fill('Grace Hopper')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(firstPassword)
    await page.getByRole('button', { name: 'Sign up' }).click()
    await page.getByRole('heading', { name: /^Welcome( back)?, Grace/ }).waitFor()

    // Settings is in the account menu.
    await page.getByRole('button', { name: 'Grace Hopper' }).click()
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
    expect(await page.getByLabel('E-mail').inputValue()).toBe(email)
    await page
      .getByText('You have no loops, shared quizzes or groups of your own to delete.')
      .waitFor()
    await checkPage(page, 'settings')

    // Profile: the header shows the new name at once.
    await page.getByLabel('Name', { exact: true }).fill('Grace B. Hopper')
    await page.getByRole('button', { name: 'Save name' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    await page.getByRole('banner').getByRole('button', { name: 'Grace B. Hopper' }).waitFor()

    // Password: the form checks the confirmation before anything is sent.
    await page.getByLabel('Current password').fill(firstPassword)
    await page.getByLabel('New password', { exact: true }).fill(newPassword)
    await page.getByLabel('Repeat the new password').fill(`${newPassword}x`)
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('The two new passwords differ.').waitFor()
    await page.getByLabel('Repeat the new password').fill(newPassword)
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('Password changed; other devices are signed out.').waitFor()

    // Sessions: signing out everywhere signs this browser out too.
    await page.getByRole('button', { name: 'Sign out everywhere' }).click()
    await page.waitForURL(/\/login/)
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor()

    // The old password no longer works; the new one does.
    await signInWith(page, email, firstPassword)
    await page.getByText('Wrong email or password.').waitFor()
    await signInWith(page, email, newPassword)
    await page.getByRole('heading', { name: /^Welcome( back)?, Grace/ }).waitFor()

    // Something to delete: a loop and a group with nobody else in it.
    const headers = { origin: baseUrl }
    expect((await page.request.post('/api/loops', { data: bunnyLoop, headers })).status()).toBe(200)
    const group = await page.request.post('/api/groups', {
      data: { name: 'Study circle', privacy: 'private', timezone: 'Europe/Paris' },
      headers,
    })
    expect(group.status()).toBe(201)

    await page.goto('/settings')
    const preview = page.getByTestId('deletion-preview')
    await preview
      .getByText('This deletes your 1 loop and the group Study circle (you are its only member).')
      .waitFor()
    await page.getByRole('heading', { name: 'Delete account' }).scrollIntoViewIfNeeded()
    await checkPage(page, 'settings-delete-preview')

    // A wrong password is refused in place.
    await page.getByLabel('Your password').fill('not-my-password')
    await page.getByRole('button', { name: 'Delete my account' }).click()
    await page
      .getByRole('alert')
      .filter({ hasText: 'That is not your current password.' })
      .waitFor()
    expect(new URL(page.url()).pathname).toBe('/settings')

    await page.getByLabel('Your password').fill(newPassword)
    await page.getByRole('button', { name: 'Delete my account' }).click()
    await page.getByRole('heading', { name: 'Turn a moment of video into a quiz' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor()

    await signInWith(page, email, newPassword)
    await page.getByText('Wrong email or password.').waitFor()
    await context.close()
  }, 240_000)
})
