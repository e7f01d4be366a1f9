// The in-app notification center: the bell's count moves by pushes, its panel opens a
// notification (marking it read), and /notifications lists them with their read state, the
// session's time on the viewer's clock, "Mark read" and "Mark all read".
import { fileURLToPath } from 'node:url'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { shareByApi, signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import {
  bunnyLoop,
  bunnyQuestions,
  manualSource,
  newPageIn,
  signIn,
  wallTimeIn,
} from './support/sessions.ts'

const baseUrl = inject('baseUrl')
// Two shared cores: a push, a render or a lazy chunk can take longer than the defaults.
const wait = { timeout: 15_000 }
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const groupZone = 'Europe/Paris'
const memberZone = 'America/New_York'

/** What the screen shows now at desktop and at phone width (the panel floats over the page). */
async function shotScreen(page: Page, name: string) {
  for (const [width, size] of Object.entries(viewports)) {
    await page.setViewportSize(size)
    await page.screenshot({
      path: fileURLToPath(new URL(`./screenshots/${name}-${width}.png`, import.meta.url)),
    })
  }
  await page.setViewportSize(viewports.desktop)
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

function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)
}

/** The on-screen box of an element; it must be shown. */
async function boxOf(locator: Locator) {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not shown')
  return box
}

/** Asserts that the top bar's items sit side by side inside the screen, none over another. */
async function expectTopBarFits(page: Page) {
  const bar = page.getByRole('banner')
  const items = [
    bar.getByRole('link', { name: 'LoopQuiz home' }),
    bar.getByRole('link', { name: 'Dashboard' }),
    bar.getByRole('link', { name: 'Loops' }),
    bar.getByRole('link', { name: 'Groups' }),
    bar.getByRole('button', { name: /^Notifications/ }),
    bar.getByRole('button', { name: 'Milo Member' }),
  ]
  const boxes = await Promise.all(items.map(boxOf))
  const width = page.viewportSize()?.width ?? 0
  for (const [index, box] of boxes.entries()) {
    expect(box.x, `item ${index} starts on screen`).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, `item ${index} ends on screen`).toBeLessThanOrEqual(width)
    const next = boxes[index + 1]
    if (next)
      expect(box.x + box.width, `item ${index} ends before the next`).toBeLessThanOrEqual(next.x)
  }
}

describe('notifications', () => {
  it('a member on the dashboard sees the bell count rise when an admin schedules a session, opens it from the bell, and finds it read on /notifications, where new ones arrive and are marked read', async () => {
    const admin = await signUpByApi(baseUrl, 'Nora Admin')
    const member = await signUpByApi(baseUrl, 'Milo Member')
    await admin.api(endpoints.createLoop, { body: { ...bunnyLoop, questions: bunnyQuestions } })
    const group = await admin.api(endpoints.createGroup, {
      body: { name: 'Film club', privacy: 'public', timezone: groupZone },
    })
    await member.api(endpoints.joinByCode, { params: { code: group.joinCode ?? '' }, body: {} })

    // The member waits on the dashboard: nothing unread, so the bell has no count.
    const b = await newPageIn(browser, 'desktop', memberZone, baseUrl)
    await signIn(b, member.email)
    const bell = b.getByRole('banner').getByRole('button', { name: /^Notifications/ })
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications')
    await b.setViewportSize(viewports.phone)
    await expectTopBarFits(b)
    await b.setViewportSize(viewports.desktop)
    await bell.click()
    const panel = b.getByRole('region', { name: 'Notifications' })
    await panel.getByText(/^Nothing yet\./).waitFor(wait)
    await expectNoAxeViolations(b, 'bell panel, nothing yet')
    await b.keyboard.press('Escape')
    await panel.waitFor({ state: 'hidden' })
    // Set on this page, gone if it reloads: the count must come by push.
    await b.evaluate(() => {
      ;(window as unknown as { notLoaded: boolean }).notLoaded = true
    })

    // The admin schedules a session through the dialog, in two days at 18:00 in Paris.
    const a = await newPageIn(browser, 'desktop', groupZone, baseUrl)
    await signIn(a, admin.email)
    await a.goto(`/groups/${group.id}/sessions`)
    await a.getByRole('button', { name: 'Schedule session' }).click()
    const dialog = a.getByRole('dialog', { name: 'Schedule a session' })
    await dialog.getByRole('radio', { name: /Big Buck Bunny/ }).check()
    await dialog.getByLabel('Session title').fill('Bunny review')
    const day = wallTimeIn(groupZone, new Date(Date.now() + 2 * 86_400_000)).date
    await dialog.getByLabel('Date', { exact: true }).fill(day)
    await dialog.getByLabel('Time', { exact: true }).fill('18:00')
    await dialog.getByRole('button', { name: 'Schedule session' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const { items: sessions } = await admin.api(endpoints.findSessions, {
      params: { groupId: group.id },
      query: {},
    })
    const session = sessions.find((item) => item.title === 'Bunny review')
    if (!session?.scheduledAt) throw new Error('the session was not scheduled')

    // The member's bell counts it, without a reload.
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications, 1 unread')
    await expect(bell.textContent()).resolves.toBe('1')
    await expect(
      b.evaluate(() => (window as unknown as { notLoaded?: boolean }).notLoaded),
    ).resolves.toBe(true)

    // By keyboard: the bell opens the panel, Escape closes it and the focus is back on the bell.
    await bell.focus()
    await b.keyboard.press('Enter')
    await expect(bell.getAttribute('aria-expanded')).resolves.toBe('true')
    const headline = 'New session in Film club: Bunny review'
    const item = panel.getByRole('link', { name: new RegExp(`^Unread: ${headline}`) })
    await item.waitFor(wait)
    // Tab goes on into the panel: "Mark all read", then the notification.
    await b.keyboard.press('Tab')
    await b.keyboard.press('Tab')
    await expect(item.evaluate((link) => link === document.activeElement)).resolves.toBe(true)
    await expectNoAxeViolations(b, 'bell panel, one unread')
    await shotScreen(b, 'notifications-bell-panel')
    await b.keyboard.press('Escape')
    await panel.waitFor({ state: 'hidden' })
    await expect(focusedName(b)).resolves.toBe('Notifications, 1 unread')

    // Opening the notification marks it read and lands on the session.
    await bell.click()
    await item.click()
    await b.waitForURL(`**/groups/${group.id}/sessions/${session.id}`, wait)
    await b.getByRole('heading', { name: 'Bunny review' }).waitFor(wait)
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications')

    // The member was mailed too: the development mail page lists the mail, and it opens.
    const mail = await b.context().newPage()
    const mailRow = mail
      .getByRole('row')
      .filter({ hasText: member.email })
      .filter({ hasText: headline })
    await expect
      .poll(async () => {
        await mail.goto('/dev/mail')
        return mailRow.count()
      }, wait)
      .toBe(1)
    await mailRow.getByRole('link', { name: headline }).click()
    await mail.getByText('Hello Milo Member,').first().waitFor(wait)
    await mail.close()

    // /notifications, from the panel's "See all": the notification is read, with the session's
    // time on the member's own clock (New York), not the group's.
    await bell.click()
    await panel.getByRole('link', { name: 'See all notifications' }).click()
    await b.waitForURL('**/notifications', wait)
    await b.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor()
    const list = b.getByRole('main').getByRole('list', { name: 'Notifications' })
    const row = list.getByRole('listitem').filter({ hasText: headline })
    await row.waitFor(wait)
    await expect(row.getByRole('link').getAttribute('href')).resolves.toBe(
      `/groups/${group.id}/sessions/${session.id}`,
    )
    await expect(row.getByRole('link', { name: /^Unread:/ }).count()).resolves.toBe(0)
    await expect(row.getByRole('button', { name: /^Mark read/ }).count()).resolves.toBe(0)
    const planned = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: memberZone,
    }).format(new Date(session.scheduledAt))
    await row.getByText(`Planned for ${planned} your time`).waitFor()
    await b.getByRole('main').getByText('All read', { exact: true }).waitFor()

    // Two more sessions: they come in on top while the page is open.
    for (const title of ['Second look', 'Third time']) {
      await admin.api(endpoints.scheduleSession, {
        params: { groupId: group.id },
        body: {
          title,
          scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          durationMinutes: 30,
          source: manualSource,
        },
      })
    }
    const second = list.getByRole('listitem').filter({ hasText: 'Second look' })
    const third = list.getByRole('listitem').filter({ hasText: 'Third time' })
    await third.waitFor(wait)
    await second.waitFor(wait)
    // On top of the one read: the two came later (in whichever order the server made them).
    await expect(list.getByRole('listitem').last().textContent()).resolves.toContain('Bunny review')
    await b.getByRole('main').getByText('2 unread', { exact: true }).waitFor(wait)
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications, 2 unread')
    await expectNoAxeViolations(b, '/notifications, two unread')
    await shots(b, 'notifications-page')

    // "Mark read" on one row, then "Mark all read" for the rest; the bell follows.
    await second.getByRole('button', { name: /^Mark read/ }).click()
    await second.getByRole('button', { name: /^Mark read/ }).waitFor({ state: 'detached', ...wait })
    await b.getByRole('main').getByText('1 unread', { exact: true }).waitFor(wait)
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications, 1 unread')
    await b.getByRole('main').getByRole('button', { name: 'Mark all read' }).click()
    await b.getByRole('main').getByText('All read', { exact: true }).waitFor(wait)
    await expect(list.getByRole('link', { name: /^Unread:/ }).count()).resolves.toBe(0)
    await expect.poll(() => bell.getAttribute('aria-label'), wait).toBe('Notifications')
    await b.setViewportSize(viewports.phone)
    await expectTopBarFits(b)
    await b.setViewportSize(viewports.desktop)
  }, 300_000)

  it('someone with no notifications is told what will show up; a guest on a quiz link gets no bell and never loads its code', async () => {
    const newcomer = await signUpByApi(baseUrl, 'Nia Newcomer')
    const page = await newPageIn(browser, 'desktop', groupZone, baseUrl)
    await signIn(page, newcomer.email)
    await page.goto('/notifications')
    await page.getByText('No notifications yet').waitFor(wait)
    await page.getByRole('main').getByRole('link', { name: 'Go to my groups' }).waitFor()
    await expectNoAxeViolations(page, '/notifications, empty')
    await shots(page, 'notifications-empty')

    const { shareUrl } = await shareByApi(baseUrl, {
      title: 'Bunny basics',
      loop: bunnyLoop,
      questions: bunnyQuestions,
    })
    const guest = await newPageIn(browser, 'phone', groupZone, baseUrl)
    const scripts: string[] = []
    guest.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await guest.goto(new URL(shareUrl).pathname)
    await guest.getByRole('button', { name: 'Start quiz' }).waitFor(wait)
    await expect(guest.getByRole('button', { name: /^Notifications/ }).count()).resolves.toBe(0)
    expect(scripts.filter((url) => /notification|realtime/.test(url))).toEqual([])
  }, 120_000)
})
