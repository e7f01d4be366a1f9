import { fileURLToPath } from 'node:url'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, viewports } from './support/browser.ts'
import { bunnyLoop, bunnyQuestions, newPageIn, signIn, wallTimeIn } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const MINUTE = 60_000
const STEP = 5 * MINUTE
const groupZone = 'America/New_York'

/**
 * The test's own reading of the rules: the first five-minute step at least 24 h (and the five
 * minutes the form is given) ahead where a 60-minute session fits Mon–Fri 18:00–20:00 in New York.
 */
function expectedStart(now: number): Date {
  const clock = new Intl.DateTimeFormat('en-US', {
    timeZone: groupZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const wall = (at: number) => {
    const parts = Object.fromEntries(clock.formatToParts(at).map((p) => [p.type, p.value]))
    return { day: parts.weekday ?? '', minutes: Number(parts.hour) * 60 + Number(parts.minute) }
  }
  for (let at = Math.ceil((now + 24 * 60 * MINUTE + STEP) / STEP) * STEP; ; at += STEP) {
    const start = wall(at)
    const end = wall(at + 60 * MINUTE)
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].includes(start.day)
    if (weekday && start.minutes >= 18 * 60 && end.minutes <= 20 * 60 && end.day === start.day)
      return new Date(at)
  }
}

/** What the screen shows now (an open dialog or list), not the whole page. */
async function shotScreen(page: Page, name: string) {
  await page.screenshot({
    path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)),
  })
}

describe('scheduling help', () => {
  it('the owner picks the group’s zone by typing, and the schedule dialog proposes the earliest time the group allows', async () => {
    const owner = await signUpByApi(baseUrl, 'Sam Scheduler')
    await owner.api(endpoints.createLoop, { body: { ...bunnyLoop, questions: bunnyQuestions } })
    const page = await newPageIn(browser, 'desktop', 'Europe/Paris', baseUrl)
    await signIn(page, owner.email)

    // Create a group; the time zone is found by typing part of the city.
    await page.goto('/groups')
    await page.getByRole('button', { name: 'Create group' }).click()
    const create = page.getByRole('dialog', { name: 'Create a group' })
    await create.getByLabel('Name').fill('Evening class')
    const zone = create.getByRole('combobox', { name: 'Time zone' })
    await expect(zone.inputValue()).resolves.toMatch(/^Europe\/Paris — Paris \(UTC\+01:00\)$/)
    await zone.fill('new y')
    const options = create.getByRole('listbox', { name: 'Time zone' }).getByRole('option')
    await options.first().waitFor()
    await expect(options.first().textContent()).resolves.toBe(
      'America/New_York — New York (UTC-05:00)',
    )
    await expect(zone.getAttribute('aria-expanded')).resolves.toBe('true')
    await expect(zone.getAttribute('aria-activedescendant')).resolves.toBe(
      await options.first().getAttribute('id'),
    )
    await expectNoAxeViolations(page, 'create group, time zone list open')
    await shotScreen(page, 'scheduling-zone-combobox-desktop')
    await page.setViewportSize(viewports.phone)
    await options.first().scrollIntoViewIfNeeded()
    await shotScreen(page, 'scheduling-zone-combobox-phone')
    await page.setViewportSize(viewports.desktop)
    await zone.press('Enter')
    await expect(zone.getAttribute('aria-expanded')).resolves.toBe('false')
    await expect(zone.inputValue()).resolves.toBe('America/New_York — New York (UTC-05:00)')

    // Nothing matches: said so; Escape puts the chosen zone back.
    await zone.fill('xyz')
    await create.getByRole('status').getByText('No time zone matches “xyz”').waitFor()
    await zone.press('Escape')
    await expect(zone.inputValue()).resolves.toBe('America/New_York — New York (UTC-05:00)')
    await create.waitFor() // Escape closed the list, not the dialog.
    await create.getByRole('button', { name: 'Create group' }).click()
    await page.getByRole('heading', { name: 'Evening class', level: 1 }).waitFor()
    const groupId = new URL(page.url()).pathname.split('/')[2] ?? ''
    const group = await owner.api(endpoints.getGroup, { params: { groupId } })
    expect(group.timezone).toBe(groupZone)
    await owner.api(endpoints.updateGroupSettings, {
      params: { groupId },
      body: {
        advance_notice_hours: 24,
        allowed_time_slots: [{ days: [1, 2, 3, 4, 5], start: '18:00', end: '20:00' }],
      },
    })

    // Schedule session: the date and time come filled in with the earliest allowed start.
    await page.goto(`/groups/${groupId}/sessions`)
    const before = expectedStart(Date.now())
    await page.getByRole('button', { name: 'Schedule session' }).click()
    const dialog = page.getByRole('dialog', { name: 'Schedule a session' })
    const hint = dialog.getByText(/^Earliest time the group allows:/)
    await hint.waitFor()
    const after = expectedStart(Date.now())
    const date = dialog.getByLabel('Date', { exact: true })
    const time = dialog.getByLabel('Time', { exact: true })
    const shown = { date: await date.inputValue(), time: await time.inputValue() }
    const expected = [before, after].find((at) => {
      const wall = wallTimeIn(groupZone, at)
      return wall.date === shown.date && wall.time === shown.time
    })
    expect(shown, `expected ${before.toISOString()} on New York's clock`).toEqual(
      wallTimeIn(groupZone, expected ?? before),
    )
    const proposed = expected ?? before
    await expect(hint.textContent()).resolves.toContain(
      `(your time ${new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(proposed)})`,
    )
    await expect(dialog.getByRole('button', { name: 'Use it' }).count()).resolves.toBe(0)

    // Another time, then back to the proposal.
    await time.fill('07:00')
    await dialog.getByRole('button', { name: 'Use it' }).click()
    await expect(time.inputValue()).resolves.toBe(shown.time)
    await expect(dialog.getByRole('button', { name: 'Use it' }).count()).resolves.toBe(0)
    await time.fill('07:00')
    await dialog.getByRole('button', { name: 'Use it' }).waitFor()
    await expectNoAxeViolations(page, 'schedule dialog, another time than the proposal')
    await hint.scrollIntoViewIfNeeded()
    await shotScreen(page, 'scheduling-hint-desktop')
    await page.setViewportSize(viewports.phone)
    await hint.scrollIntoViewIfNeeded()
    await shotScreen(page, 'scheduling-hint-phone')
    await page.setViewportSize(viewports.desktop)
    await dialog.getByRole('button', { name: 'Use it' }).click()

    // A session longer than the slot: no time fits, and the dialog says why.
    await dialog.getByLabel('Duration (minutes)').fill('150')
    await dialog
      .getByText(/^A 150-minute session fits none of this group's allowed times/)
      .waitFor()
    await dialog.getByLabel('Duration (minutes)').fill('60')
    await hint.waitFor()

    // Scheduled without touching the time: accepted as proposed.
    await dialog.getByRole('radio', { name: /Big Buck Bunny/ }).check()
    await dialog.getByLabel('Session title').fill('Evening quiz')
    await dialog.getByRole('button', { name: 'Schedule session' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page
      .getByRole('list', { name: 'Sessions' })
      .getByRole('listitem')
      .filter({ hasText: 'Evening quiz' })
      .getByText('Scheduled', { exact: true })
      .waitFor()
    const sessions = await owner.api(endpoints.findSessions, {
      params: { groupId },
      query: { limit: 10 },
    })
    expect(sessions.items.map((session) => session.scheduledAt)).toEqual([proposed.toISOString()])
  }, 300_000)
})
