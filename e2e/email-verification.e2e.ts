import { endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { type ListedMail, mailSubjects, waitForMail } from './support/mail.ts'
import { password, signIn } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports.desktop, baseURL: baseUrl })
  return context.newPage()
}

/** A full-page screenshot from the top, at desktop and at phone width. */
async function shots(page: Page, name: string) {
  for (const [width, size] of Object.entries(viewports)) {
    await page.setViewportSize(size)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, `${name}-${width}`)
  }
  await page.setViewportSize(viewports.desktop)
}

/** Opens `mail` from the /dev/mail list, as a person would, and follows its link to `linkPath`. */
async function followMailLink(page: Page, mail: ListedMail, linkPath: string) {
  await page.goto('/dev/mail')
  await page
    .getByRole('row')
    .filter({ hasText: mail.to })
    .getByRole('link', { name: mail.subject })
    .first()
    .click()
  await page.getByRole('heading', { name: mail.subject, level: 1 }).waitFor()
  await page.getByRole('link', { name: new RegExp(linkPath) }).click()
}

describe('e-mail verification and password reset', () => {
  it('a new account is asked to confirm its address on the dashboard, and the mailed link confirms it and says so', async () => {
    const email = `vera-${Date.now()}@example.test`
    const page = await newPage()
    await page.goto('/signup')
    await page.getByLabel('Name').fill('Vera Verifier')
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill('a-long-enough-password')
    await page.getByRole('button', { name: 'Sign up' }).click()
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor()

    const banner = page.getByRole('region', { name: 'Confirm your e-mail' })
    await banner
      .getByText(`We sent a link to ${email}. Confirm it to accept invitations.`)
      .waitFor()
    await banner.getByRole('button', { name: 'Send the link again' }).waitFor()
    await expectNoAxeViolations(page, 'dashboard, address not confirmed')
    await shots(page, 'email-confirm-banner')

    // Dismissed, it stays away for this tab, reloads included.
    await banner.getByRole('button', { name: 'Dismiss' }).click()
    await banner.waitFor({ state: 'detached' })
    await page.reload()
    await page.getByRole('heading', { name: /^Welcome, / }).waitFor()
    await expect(banner.count()).resolves.toBe(0)

    const mail = await waitForMail(baseUrl, { to: email, subject: mailSubjects.confirmEmail })
    await followMailLink(page, mail, '/api/auth/verify-email')
    const notice = page.getByRole('region', { name: 'Your e-mail address is confirmed' })
    await notice.waitFor()
    // The mark the link added is gone, so a reload does not say it again.
    await page.waitForURL(`${baseUrl}/`)
    await expect(banner.count()).resolves.toBe(0)
    await expectNoAxeViolations(page, 'dashboard, address just confirmed')
    await shots(page, 'email-confirmed-notice')
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await notice.waitFor({ state: 'detached' })

    // A new tab of a confirmed account shows neither.
    const fresh = await page.context().newPage()
    await fresh.goto('/')
    await fresh.getByRole('heading', { name: /^Welcome, / }).waitFor()
    await expect(fresh.getByRole('region', { name: /e-mail/ }).count()).resolves.toBe(0)
    await page.context().close()
  })

  it('a forgotten password is reset by the mailed link: the new one signs in, the old one and the used link no longer work', async () => {
    const account = await signUpByApi(baseUrl, 'Rosa Resetter')
    const page = await newPage()
    await page.goto('/login')
    await page.getByRole('heading', { name: 'Welcome back', level: 1 }).waitFor()
    await shots(page, 'login-forgot-link')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.getByRole('heading', { name: 'Forgot your password?', level: 1 }).waitFor()
    await expectNoAxeViolations(page, 'forgot password')
    await shots(page, 'forgot-password')

    // An address without an account is told exactly what an account's is.
    const nobody = `nobody-${Date.now()}@example.test`
    await page.getByLabel('Email').fill(nobody)
    await page.getByRole('button', { name: 'Send the link' }).click()
    const sent = page.getByRole('heading', { name: 'Check your inbox' })
    await sent.waitFor()
    const sentText = (email: string) =>
      `If an account uses ${email}, we’ve sent a link to reset the password. It works once, for a limited time.`
    await page.getByText(sentText(nobody)).waitFor()
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Check your inbox',
    )

    await page.goto('/forgot-password')
    await page.getByLabel('Email').fill(account.email)
    await page.getByRole('button', { name: 'Send the link' }).click()
    await page.getByText(sentText(account.email)).waitFor()
    await expectNoAxeViolations(page, 'forgot password, sent')
    await shots(page, 'forgot-password-sent')

    const mail = await waitForMail(baseUrl, {
      to: account.email,
      subject: mailSubjects.resetPassword,
    })
    await followMailLink(page, mail, '/api/auth/reset-password/')
    await page.waitForURL(/\/reset-password\?token=/)
    const resetUrl = page.url()
    await page.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor()
    await expectNoAxeViolations(page, 'reset password')
    await shots(page, 'reset-password')

    // Checked here first: too short, then two that differ.
    const newPassword = 'a-brand-new-password'
    await page.getByLabel('New password', { exact: true }).fill('short')
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await page.getByText('Use at least 8 characters.').waitFor()
    await page.getByLabel('New password', { exact: true }).fill(newPassword)
    await page.getByLabel('Repeat the new password').fill(`${newPassword}!`)
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await page.getByText('The two passwords differ.').waitFor()
    await expect(
      page.getByLabel('Repeat the new password').getAttribute('aria-invalid'),
    ).resolves.toBe('true')
    await page.getByLabel('Repeat the new password').fill(newPassword)
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await page.getByRole('heading', { name: 'Your password is changed' }).waitFor()
    await expectNoAxeViolations(page, 'reset password, done')
    await shots(page, 'reset-password-done')

    // The reset ended the account's other sessions: the one sign-up opened.
    await expect(account.api(endpoints.getMe, {})).rejects.toMatchObject({ status: 401 })

    await page.getByRole('link', { name: 'Sign in with your new password' }).click()
    await page.getByRole('heading', { name: 'Welcome back', level: 1 }).waitFor()
    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').getByText('Wrong email or password.').waitFor()
    await page.getByLabel('Password').fill(newPassword)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: /^Welcome( back)?, / }).waitFor()

    // The link worked once.
    await page.goto(resetUrl)
    await page.getByRole('button', { name: 'Set the new password' }).waitFor()
    await page.getByLabel('New password', { exact: true }).fill('yet-another-password')
    await page.getByLabel('Repeat the new password').fill('yet-another-password')
    await page.getByRole('button', { name: 'Set the new password' }).click()
    const expired = page.getByRole('heading', { name: 'This link has expired or was already used' })
    await expired.waitFor()
    // And following the mail's link again lands on the same word, with the way to a new link.
    await followMailLink(page, mail, '/api/auth/reset-password/')
    await page.waitForURL(/\/reset-password\?error=INVALID_TOKEN/)
    await expired.waitFor()
    await expectNoAxeViolations(page, 'reset password, link used')
    await shots(page, 'reset-password-expired')
    await page.getByRole('link', { name: 'Send me a new link' }).click()
    await page.getByRole('heading', { name: 'Forgot your password?', level: 1 }).waitFor()
    await page.context().close()
  })

  it('an invitee whose address is not confirmed is asked to confirm it first, confirms by the mail sent again and then accepts', async () => {
    const owner = await signUpByApi(baseUrl, 'Olga Owner')
    const invitee = await signUpByApi(baseUrl, 'Ines Invitee')
    const group = await owner.api(endpoints.createGroup, {
      body: { name: 'Reading circle', privacy: 'private', timezone: 'Europe/Paris' },
    })
    const invitation = await owner.api(endpoints.createInvitation, {
      params: { groupId: group.id },
      body: { email: invitee.email, role: 'member' },
    })
    const signUpMail = await waitForMail(baseUrl, {
      to: invitee.email,
      subject: mailSubjects.confirmEmail,
    })

    const page = await newPage()
    await signIn(page, invitee.email)
    await page.goto(invitation.url)
    await page.getByRole('heading', { name: 'Reading circle', level: 1 }).waitFor()
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    const confirmFirst = page.getByRole('alert')
    await confirmFirst.getByText('Confirm your e-mail address first').waitFor()
    await confirmFirst
      .getByText(
        `We sent a link to ${invitee.email}. Open it to confirm the address, then accept the invitation here.`,
      )
      .waitFor()
    // Instead of the banner the dashboard shows: this page asks for it itself.
    await expect(page.getByRole('region', { name: 'Confirm your e-mail' }).count()).resolves.toBe(0)
    await expectNoAxeViolations(page, 'invitation, address not confirmed')
    await shots(page, 'invitation-confirm-first')

    await confirmFirst.getByRole('button', { name: 'Send the link again' }).click()
    await confirmFirst.getByRole('status').getByText('Sent. Check your inbox.').waitFor()
    await shots(page, 'invitation-confirm-sent')

    // The new link comes back to the invitation.
    const mail = await waitForMail(baseUrl, {
      to: invitee.email,
      subject: mailSubjects.confirmEmail,
      newerThan: signUpMail,
    })
    await followMailLink(page, mail, '/api/auth/verify-email')
    await page.getByRole('region', { name: 'Your e-mail address is confirmed' }).waitFor()
    await page.waitForURL(invitation.url)
    await page.getByRole('heading', { name: 'Reading circle', level: 1 }).waitFor()
    await expectNoAxeViolations(page, 'invitation, address just confirmed')
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    await page
      .getByRole('region', { name: 'About this group' })
      .getByText('Member', { exact: true })
      .waitFor()
    expect(new URL(page.url()).pathname).toBe(`/groups/${group.id}`)
    await page.context().close()
  })
})
