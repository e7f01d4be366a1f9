// Notification preferences on /settings (which types also come by e-mail, the time zone of
// mails; each change saved at once and undone if it fails) and the public unsubscribe page a
// mail's link opens, with a link the server really mailed and with one it did not sign.
import { fileURLToPath } from 'node:url'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { manualSource, newPageIn, signIn } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
// Two shared cores: a save, a render or a lazy chunk can take longer than the defaults.
const wait = { timeout: 15_000 }
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const viewerZone = 'America/New_York'
const preferencesUrl = '**/api/user/notification-preferences'

/** A full-page screenshot from the top, and one of `part` alone, at desktop and phone width. */
async function shots(page: Page, name: string, part?: Locator) {
  for (const [width, size] of Object.entries(viewports)) {
    await page.setViewportSize(size)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, `${name}-${width}`)
    // Clipped from the whole page rather than scrolled to: the sticky top bar would cover it.
    const box = await part?.boundingBox()
    if (box) {
      await page.screenshot({
        path: fileURLToPath(new URL(`./screenshots/${name}-section-${width}.png`, import.meta.url)),
        fullPage: true,
        clip: box,
      })
    }
  }
  await page.setViewportSize(viewports.desktop)
}

/** The row of one type, by its switch's name. */
function rowOf(section: Locator, name: string) {
  return section
    .getByRole('listitem')
    .filter({ has: section.page().getByRole('switch', { name, exact: true }) })
}

/** The "Saved" beside the row of the latest change. */
function savedIn(row: Locator) {
  return row.getByRole('status').filter({ hasText: 'Saved' })
}

/** The unsubscribe link of the newest mail to `email` on the server's /dev/mail pages. */
async function unsubscribeLinkMailedTo(email: string): Promise<string> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const list = await (await fetch(`${baseUrl}/dev/mail`)).text()
    const row = list.split('<tr>').find((cells) => cells.includes(email))
    const file = row?.match(/href="(\/dev\/mail\/[^"]+)"/)?.[1]
    if (file) {
      const mail = await (await fetch(`${baseUrl}${file}`)).text()
      const link = mail.match(/\/unsubscribe\?token=[\w.%-]+/)?.[0]
      if (link) return link
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`no mail with an unsubscribe link came to ${email}`)
}

describe('notification preferences', () => {
  it('a member turns one type of e-mail off and finds it off after a reload, turns another on by keyboard, picks a time zone and then their own in one click; quick changes all stay; a save that fails is undone', async () => {
    const member = await signUpByApi(baseUrl, 'Pia Prefs')
    const page = await newPageIn(browser, 'desktop', viewerZone, baseUrl)
    await signIn(page, member.email)
    await page.goto('/settings')
    const section = page.getByRole('main').getByRole('region', { name: 'Notifications' })
    const sessions = section.getByRole('group', { name: 'Sessions by e-mail' })
    const moved = sessions.getByRole('switch', { name: 'Session moved' })
    const results = sessions.getByRole('switch', { name: 'Results in' })
    await moved.waitFor(wait)
    await section.getByRole('link', { name: 'notification center' }).waitFor()
    // The defaults: a change of plans comes by mail, results only in the app.
    await expect(moved.isChecked()).resolves.toBe(true)
    await expect(results.isChecked()).resolves.toBe(false)
    await expect(
      section
        .getByRole('group', { name: 'Decisions by e-mail' })
        .getByRole('switch', { name: 'Join request' })
        .isChecked(),
    ).resolves.toBe(true)

    // Off with a click: saved at once, and still off after a reload.
    const movedRow = rowOf(section, 'Session moved')
    await moved.click()
    await savedIn(movedRow).waitFor(wait)
    await expect(moved.isChecked()).resolves.toBe(false)
    await page.reload()
    await moved.waitFor(wait)
    await expect(moved.isChecked()).resolves.toBe(false)
    await expect(
      sessions.getByRole('switch', { name: 'Session cancelled' }).isChecked(),
    ).resolves.toBe(true)

    // On by keyboard: Space on the focused switch.
    await results.focus()
    await page.keyboard.press('Space')
    await savedIn(rowOf(section, 'Results in')).waitFor(wait)
    await expect(results.isChecked()).resolves.toBe(true)
    const afterSwitches = await member.api(endpoints.getNotificationPreferences, {})
    expect(afterSwitches.email).toMatchObject({ session_rescheduled: false, results_ready: true })

    // The time zone: each group's by default, then one picked, then the browser's own.
    const zone = section.getByLabel('Time zone')
    const zoneField = section.getByRole('group', { name: 'Times in your e-mails' })
    const useMine = zoneField.getByRole('button', {
      name: 'Use my current time zone (America/New York)',
    })
    await expect(zone.inputValue()).resolves.toBe('')
    await expect(zone.locator('option:checked').textContent()).resolves.toBe(
      'Use each group’s time zone',
    )
    await zone.selectOption('Asia/Tokyo')
    await savedIn(zoneField).waitFor(wait)
    await page.reload()
    await zone.waitFor(wait)
    await expect(zone.inputValue()).resolves.toBe('Asia/Tokyo')
    await expectNoAxeViolations(page, 'settings, notifications')
    await shots(page, 'notification-preferences', section)
    await useMine.click()
    await savedIn(zoneField).waitFor(wait)
    await expect(zone.inputValue()).resolves.toBe(viewerZone)
    await useMine.waitFor({ state: 'detached' })
    // The button is gone with its job done; the focus is on what it chose.
    await expect(zone.evaluate((select) => select === document.activeElement)).resolves.toBe(true)
    await expect(member.api(endpoints.getNotificationPreferences, {})).resolves.toMatchObject({
      timeZone: viewerZone,
    })

    // Three clicks in quick succession: each is kept, none overwritten by another's save. The
    // saves sent within a second of one another are let through together at its end, so sent
    // at once they would reach the server at once (it reads, changes and writes them whole).
    const quick = ['Session started', 'Decision on your session', 'Join request']
    let burstEnd = 0
    await page.route(preferencesUrl, async (route) => {
      if (route.request().method() === 'PATCH') {
        const now = Date.now()
        if (now >= burstEnd) burstEnd = now + 1_000
        await new Promise((done) => setTimeout(done, burstEnd - now))
      }
      await route.continue()
    })
    for (const name of quick) await section.getByRole('switch', { name, exact: true }).click()
    await savedIn(rowOf(section, 'Join request')).waitFor(wait)
    await page.unroute(preferencesUrl)
    await expect(member.api(endpoints.getNotificationPreferences, {})).resolves.toMatchObject({
      email: { session_started: true, approval_decided: false, join_request: false },
    })
    await page.reload()
    await moved.waitFor(wait)
    for (const [index, name] of quick.entries()) {
      await expect(
        section.getByRole('switch', { name, exact: true }).isChecked(),
        name,
      ).resolves.toBe(index === 0)
    }

    // A save that does not go through: the switch goes back and the reason is shown.
    const invitation = section.getByRole('switch', { name: 'Invitation to a group' })
    await page.route(preferencesUrl, (route) =>
      route.request().method() === 'PATCH' ? route.abort('failed') : route.continue(),
    )
    await invitation.click()
    const invitationRow = rowOf(section, 'Invitation to a group')
    await invitationRow.getByRole('alert').getByText('Can’t reach LoopQuiz').waitFor(wait)
    await expect(invitation.isChecked()).resolves.toBe(true)
    await expectNoAxeViolations(page, 'settings, notifications, a save failed')
    await shots(page, 'notification-preferences-failed', invitationRow)
    await page.unroute(preferencesUrl)
    await expect(member.api(endpoints.getNotificationPreferences, {})).resolves.toMatchObject({
      email: { invitation: true },
    })
  }, 180_000)

  it('a guest opening an unsubscribe link is asked first, and one the server did not sign says why, with the way to settings', async () => {
    const page = await newPageIn(browser, 'desktop', viewerZone, baseUrl)
    const posts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/notifications/unsubscribe'))
        posts.push(request.url())
    })
    await page.goto('/unsubscribe?token=not-a-token-this-server-signed')
    await page.getByRole('heading', { name: 'Stop these e-mails?' }).waitFor(wait)
    // Opening the link alone changes nothing: mail scanners open links too.
    expect(posts).toEqual([])
    await expectNoAxeViolations(page, 'unsubscribe, asking')
    await shots(page, 'unsubscribe-ask')

    await page.getByRole('button', { name: 'Stop these e-mails' }).click()
    await page.getByRole('heading', { name: 'This link doesn’t work' }).waitFor(wait)
    await page
      .getByRole('alert')
      .getByText('This unsubscribe link is not valid. Change your e-mails in your settings.')
      .waitFor()
    expect(posts).toHaveLength(1)
    const settings = page.getByRole('main').getByRole('link', { name: /Settings/ })
    await expect(settings.getAttribute('href')).resolves.toBe('/settings')
    await expectNoAxeViolations(page, 'unsubscribe, invalid link')
    await shots(page, 'unsubscribe-invalid')

    await page.goto('/unsubscribe')
    await page.getByRole('heading', { name: 'This link is incomplete' }).waitFor(wait)
  }, 120_000)

  it('the unsubscribe link of a real mail, opened signed out, stops that type of e-mail', async () => {
    const admin = await signUpByApi(baseUrl, 'Ona Owner')
    const member = await signUpByApi(baseUrl, 'Uma Unsub')
    const group = await admin.api(endpoints.createGroup, {
      body: { name: 'Mail club', privacy: 'public', timezone: 'Europe/Paris' },
    })
    await member.api(endpoints.joinByCode, { params: { code: group.joinCode ?? '' }, body: {} })
    await admin.api(endpoints.scheduleSession, {
      params: { groupId: group.id },
      body: {
        title: 'Mailed session',
        scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        durationMinutes: 30,
        source: manualSource,
      },
    })
    const link = await unsubscribeLinkMailedTo(member.email)

    const page = await newPageIn(browser, 'phone', viewerZone, baseUrl)
    await page.goto(link)
    await page.getByRole('button', { name: 'Stop these e-mails' }).click()
    await page
      .getByText('You won’t get e-mails about new sessions in your groups any more.')
      .waitFor(wait)
    await expectNoAxeViolations(page, 'unsubscribe, done')
    await shots(page, 'unsubscribe-done')
    await expect(member.api(endpoints.getNotificationPreferences, {})).resolves.toMatchObject({
      email: { session_scheduled: false, session_cancelled: true },
    })
  }, 120_000)
})
