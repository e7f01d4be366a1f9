import { fileURLToPath } from 'node:url'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import {
  bunnyLoop,
  bunnyQuestions,
  manualSource,
  newPageIn,
  phoneViewport,
  signIn,
  wallTimeIn,
  weekdayCodeIn,
} from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const HOUR = 3_600_000

/** The next whole hour at least `hours` from now. */
function wholeHourIn(hours: number): Date {
  return new Date(Math.ceil((Date.now() + hours * HOUR) / HOUR) * HOUR)
}

/** A full-page screenshot from the top: scrolled, the sticky header lands mid-page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, name)
}

/** What the screen shows now, at the scroll position the test left it. */
function screenshotPath(name: string) {
  return fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url))
}

/** Top-level rows of the Sessions tab (a series' occurrences are nested deeper). */
function topRows(page: Page) {
  return page.getByRole('list', { name: 'Sessions', exact: true }).locator('xpath=./li')
}

async function topRowTitles(page: Page): Promise<string[]> {
  return topRows(page).evaluateAll((items) =>
    items.map((item) => item.querySelector('a')?.textContent?.trim() ?? ''),
  )
}

async function createGroupWithMember(
  name: string,
  settings: Record<string, unknown> = { advance_notice_hours: 0 },
) {
  const owner = await signUpByApi(baseUrl, 'Olga Owner')
  const member = await signUpByApi(baseUrl, 'Mia Member')
  const group = await owner.api(endpoints.createGroup, {
    body: { name, privacy: 'public', timezone: 'Europe/Paris', settings },
  })
  await member.api(endpoints.joinByCode, { params: { code: group.joinCode ?? '' }, body: {} })
  return { owner, member, group }
}

describe('session rules in the UI', () => {
  it('the host ends a session after confirming; a member can no longer join until the host opens a late window, then answers, marked late, and stays listed after leaving the group', async () => {
    const { owner, member, group } = await createGroupWithMember('Ending club')
    const session = await owner.api(endpoints.createInstantSession, {
      params: { groupId: group.id },
      body: { title: 'Bunny sprint', durationMinutes: 120, source: manualSource },
    })
    const sessionPath = `/groups/${group.id}/sessions/${session.id}`
    const joinPath = new URL(session.joinUrl).pathname + new URL(session.joinUrl).search

    const host = await newPageIn(browser, 'desktop', 'America/New_York', baseUrl)
    await signIn(host, owner.email)
    await host.goto(sessionPath)
    await host.getByText(/^Ends in /).waitFor()

    // "End now" asks first, and "Keep it open" changes nothing.
    await host.getByRole('button', { name: /^End now/ }).click()
    const confirm = host.getByRole('dialog', { name: 'End this session now?' })
    await confirm.getByText('Members can no longer join or answer.').waitFor()
    await expectNoAxeViolations(host, 'end session dialog')
    await confirm.getByRole('button', { name: 'Keep it open' }).click()
    await confirm.waitFor({ state: 'hidden' })
    await host.getByText(/^Ends in /).waitFor()

    await host.getByRole('button', { name: /^End now/ }).click()
    await expect(
      confirm.getByRole('checkbox', { name: /Accept late answers until/ }).isChecked(),
    ).resolves.toBe(false)
    await confirm.getByRole('button', { name: 'End session' }).click()
    await confirm.waitFor({ state: 'hidden' })
    await host.getByText(/^Ended at /).waitFor()
    await host.getByText('This session is over.').waitFor()
    await expect(host.getByText(/^Ends in /).count()).resolves.toBe(0)
    await expect(host.getByRole('button', { name: /^End now/ }).count()).resolves.toBe(0)
    await shot(host, 'session-rules-ended-desktop')
    await host.setViewportSize(phoneViewport)
    await shot(host, 'session-rules-ended-phone')
    await host.setViewportSize(viewports.desktop)
    await expectNoAxeViolations(host, 'session page, ended, host')

    // The member: no way in, and words that say why.
    const guest = await newPageIn(browser, 'desktop', 'Asia/Tokyo', baseUrl)
    await signIn(guest, member.email)
    await guest.goto(sessionPath)
    await guest.getByText(/^Ended at /).waitFor()
    await expect(guest.getByRole('link', { name: /^Join/ }).count()).resolves.toBe(0)
    await expectNoAxeViolations(guest, 'session page, ended, member')
    await guest.goto(joinPath)
    await guest.getByRole('heading', { name: /^This session ended at / }).waitFor()
    await guest.getByText('Members can no longer join or answer. See how the group did.').waitFor()
    await expect(guest.getByRole('button', { name: 'Start quiz' }).count()).resolves.toBe(0)
    await shot(guest, 'session-rules-member-ended-desktop')
    await expectNoAxeViolations(guest, 'session quiz, ended')

    // The host accepts late answers for a while.
    await host.getByRole('button', { name: 'Accept late answers' }).click()
    const late = host.getByRole('dialog', { name: 'Accept late answers' })
    await late.getByRole('group', { name: /Accept late answers until/ }).waitFor()
    await expectNoAxeViolations(host, 'late window dialog')
    await late.getByRole('button', { name: 'Save late window' }).click()
    await late.waitFor({ state: 'hidden' })
    await host.getByText('Late answers accepted until').waitFor()
    await host.getByRole('button', { name: 'Change late window' }).waitFor()
    await expectNoAxeViolations(host, 'session page, late window open, host')
    await shot(host, 'session-rules-late-window-desktop')
    await host.setViewportSize(phoneViewport)
    await shot(host, 'session-rules-late-window-phone')
    await host.setViewportSize(viewports.desktop)

    // The member may now answer; the result is marked late.
    await guest.reload()
    await guest
      .getByText(/You can still answer until .+; your result will be marked late\./)
      .waitFor()
    await shot(guest, 'session-rules-late-join-desktop')
    await expectNoAxeViolations(guest, 'session quiz, late window open')
    await guest.getByRole('button', { name: 'Start quiz' }).click()
    await guest.getByText('Question 1 of 2').waitFor()
    await guest.getByRole('button', { name: 'A rabbit' }).click()
    await guest.getByRole('button', { name: 'Next question' }).click()
    await guest.getByText('Question 2 of 2').waitFor()
    await guest.getByRole('button', { name: 'True' }).click()
    await guest.getByRole('button', { name: 'See results' }).click()
    await guest
      .getByRole('region', { name: 'How you compare with the group' })
      .getByRole('listitem')
      .filter({ hasText: 'Mia Member (you)' })
      .getByText('Late', { exact: true })
      .waitFor()
    await expectNoAxeViolations(guest, 'session quiz, results marked late')
    await host
      .getByRole('list', { name: 'Participants' })
      .getByRole('listitem')
      .filter({ hasText: 'Mia Member' })
      .getByText('Late', { exact: true })
      .waitFor()

    // Closing the late window closes the session again.
    await host.getByRole('button', { name: 'Stop late answers' }).click()
    await host.getByText('This session is over.').waitFor()
    await guest.goto(sessionPath)
    await guest.getByText(/^Ended at /).waitFor()
    await expect(
      guest.getByRole('link', { name: /^(Join|Continue|My result)/ }).count(),
    ).resolves.toBe(0)

    // A member who leaves stays in the results, marked.
    await member.api(endpoints.leaveGroup, { params: { groupId: group.id } })
    await host.reload()
    await host
      .getByRole('list', { name: 'Participants' })
      .getByRole('listitem')
      .filter({ hasText: 'Mia Member' })
      .getByText('Left the group', { exact: true })
      .waitFor()
    await host
      .getByRole('list', { name: 'Leaderboard' })
      .getByRole('listitem')
      .filter({ hasText: 'Mia Member' })
      .getByText('Left the group', { exact: true })
      .waitFor()
    await expectNoAxeViolations(host, 'session page, a participant left the group')

    for (const page of [host, guest]) await page.context().close()
  }, 240_000)

  it('by keyboard, the host ends a session and opens a late window in the same dialog', async () => {
    const { owner, group } = await createGroupWithMember('Keyboard club')
    const session = await owner.api(endpoints.createInstantSession, {
      params: { groupId: group.id },
      body: { title: 'Keyboard sprint', source: manualSource },
    })
    const host = await newPageIn(browser, 'desktop', 'Europe/Paris', baseUrl)
    await signIn(host, owner.email)
    await host.goto(`/groups/${group.id}/sessions/${session.id}`)
    await host.getByRole('button', { name: /^End now/ }).focus()
    await host.keyboard.press('Enter')
    const confirm = host.getByRole('dialog', { name: 'End this session now?' })
    const accept = confirm.getByRole('checkbox', { name: /Accept late answers until/ })
    await accept.focus()
    await host.keyboard.press('Space')
    await expect(accept.isChecked()).resolves.toBe(true)

    // A time already past is refused before anything is sent.
    const past = wallTimeIn(group.timezone, new Date(Date.now() - HOUR))
    await confirm.getByLabel('Date', { exact: true }).fill(past.date)
    await confirm.getByLabel('Time', { exact: true }).fill(past.time)
    await confirm.getByRole('button', { name: 'End session' }).press('Enter')
    await confirm.getByText('Pick a time in the future.').waitFor()
    await expectNoAxeViolations(host, 'end session dialog, late window refused')
    await expect(host.getByText(/^Ends in /).count()).resolves.toBe(1)

    const until = wallTimeIn(group.timezone, wholeHourIn(2))
    await confirm.getByLabel('Date', { exact: true }).fill(until.date)
    await confirm.getByLabel('Time', { exact: true }).fill(until.time)
    await host.screenshot({ path: screenshotPath('session-rules-end-dialog-desktop') })
    await confirm.getByRole('button', { name: 'End session' }).press('Enter')
    await confirm.waitFor({ state: 'hidden' })
    await host.getByText(/^Ended at /).waitFor()
    const notice = host.getByText('Late answers accepted until').locator('..')
    await notice.getByText(new RegExp(until.time)).waitFor()
    await expectNoAxeViolations(host, 'session page, ended with a late window')
    await host.context().close()
  }, 120_000)

  it('in a group that approves sessions, a member’s rescheduled session waits for approval again, a member’s instant session is refused with a way to schedule it, and a turned-down one says so', async () => {
    const { owner, member, group } = await createGroupWithMember('Approval club', {
      session_creation_permission: 'all_members',
      instant_session_permission: 'all_members',
      session_approval_required: true,
      advance_notice_hours: 0,
    })
    const planned = await member.api(endpoints.scheduleSession, {
      params: { groupId: group.id },
      body: {
        title: 'Member review',
        scheduledAt: wholeHourIn(48).toISOString(),
        durationMinutes: 45,
        source: manualSource,
      },
    })
    expect(planned.status).toBe('pending_approval')
    await owner.api(endpoints.approveSession, {
      params: { groupId: group.id, sessionId: planned.id },
    })
    await member.api(endpoints.createLoop, { body: { ...bunnyLoop, questions: bunnyQuestions } })

    const page = await newPageIn(browser, phoneViewport, 'Europe/Paris', baseUrl)
    await signIn(page, member.email)
    await page.goto(`/groups/${group.id}/sessions`)
    const row = topRows(page).filter({ hasText: 'Member review' })
    await row.getByText('Scheduled', { exact: true }).waitFor()

    // Moving it says what will happen, then it waits for an owner or admin again.
    await row.getByRole('button', { name: /^Reschedule/ }).click()
    const reschedule = page.getByRole('dialog', { name: 'Reschedule Member review' })
    await reschedule
      .getByText(
        'Changing the time or duration sends this session back to an owner or admin for approval.',
      )
      .waitFor()
    await reschedule.getByLabel('Time', { exact: true }).fill('19:30')
    await expectNoAxeViolations(page, 'reschedule dialog, approval needed')
    await reschedule.getByRole('button', { name: 'Save new time' }).click()
    await reschedule.waitFor({ state: 'hidden' })
    await row.getByText('Waiting for approval', { exact: true }).waitFor()
    await row.getByText(/19:30/).first().waitFor()

    // An instant session cannot wait for approval: refused, with the way to ask for it.
    await page.getByRole('button', { name: 'Start instant session' }).click()
    const instant = page.getByRole('dialog', { name: 'Start an instant session' })
    await instant.getByRole('radio', { name: /Big Buck Bunny/ }).check()
    await instant.getByRole('button', { name: 'Start session now' }).click()
    const refusal = instant
      .getByRole('alert')
      .filter({ hasText: 'This group approves sessions first' })
    await refusal
      .getByText(/schedule/i)
      .first()
      .waitFor()
    await expectNoAxeViolations(page, 'instant session dialog, refused')
    await refusal.getByRole('button', { name: 'Schedule it for approval' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('session-rules-instant-refused-phone') })
    await refusal.getByRole('button', { name: 'Schedule it for approval' }).click()
    const schedule = page.getByRole('dialog', { name: 'Schedule a session' })
    await expect(schedule.getByRole('radio', { name: /Big Buck Bunny/ }).isChecked()).resolves.toBe(
      true,
    )
    await instant.waitFor({ state: 'hidden' })
    await schedule.getByRole('button', { name: 'Schedule session' }).click()
    await schedule.waitFor({ state: 'hidden' })
    const requested = topRows(page).filter({ hasText: 'Big Buck Bunny' })
    await requested.getByText('Waiting for approval', { exact: true }).waitFor()
    await expectNoAxeViolations(page, 'sessions, waiting for approval, member')

    // Turned down, it says so in words.
    const pending = await owner.api(endpoints.findSessions, {
      params: { groupId: group.id },
      query: { status: 'pending_approval' },
    })
    for (const item of pending.items.filter((found) => found.title === 'Big Buck Bunny')) {
      await owner.api(endpoints.rejectSession, {
        params: { groupId: group.id, sessionId: item.id },
      })
    }
    await page.reload()
    await requested.getByText('Cancelled', { exact: true }).waitFor()
    await requested.getByText('Turned down by an admin').waitFor()
    await expectNoAxeViolations(page, 'sessions, turned down')

    await page.context().close()
  }, 240_000)

  it('a weekly series is one row that expands to its occurrences; cancelling "this and following" keeps the earlier ones; "all sessions" moves the series; Upcoming lists soonest first', async () => {
    const { owner, group } = await createGroupWithMember('Series club')
    const first = wholeHourIn(26)
    await owner.api(endpoints.scheduleSession, {
      params: { groupId: group.id },
      body: {
        title: 'Weekly drill',
        scheduledAt: first.toISOString(),
        recurrenceRule: `FREQ=WEEKLY;BYDAY=${weekdayCodeIn(group.timezone, first)};COUNT=4`,
        source: manualSource,
      },
    })
    for (const [title, hours] of [
      ['Later one-off', 50],
      ['Sooner one-off', 5],
    ] as const) {
      await owner.api(endpoints.scheduleSession, {
        params: { groupId: group.id },
        body: { title, scheduledAt: wholeHourIn(hours).toISOString(), source: manualSource },
      })
    }

    const page = await newPageIn(browser, 'desktop', 'Europe/Paris', baseUrl)
    await signIn(page, owner.email)
    await page.goto(`/groups/${group.id}/sessions`)
    const series = topRows(page).filter({ hasText: 'Weekly drill' })
    await series.getByText(/^Weekly on \w+ · 4 of 4 upcoming$/).waitFor()
    await expect(series.count()).resolves.toBe(1)

    const disclosure = series.getByRole('button', { name: 'All 4 sessions in this series' })
    await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('false')
    await disclosure.click()
    await expect(disclosure.getAttribute('aria-expanded')).resolves.toBe('true')
    const occurrences = page
      .getByRole('list', { name: 'Sessions of the series Weekly drill' })
      .getByRole('listitem')
    await expect.poll(() => occurrences.count()).toBe(4)
    await shot(page, 'session-rules-series-desktop')
    await page.setViewportSize(phoneViewport)
    await shot(page, 'session-rules-series-phone')
    await series.scrollIntoViewIfNeeded()
    await page.screenshot({ path: screenshotPath('session-rules-series-phone-screen') })
    await page.setViewportSize(viewports.desktop)
    await expectNoAxeViolations(page, 'sessions, a series expanded')

    // Cancel the third and the ones after it; the earlier ones stay.
    await occurrences
      .nth(2)
      .getByRole('button', { name: /^Cancel/ })
      .click()
    const cancel = page.getByRole('dialog', { name: 'Cancel Weekly drill?' })
    await expect(cancel.getByRole('radio', { name: 'This session' }).isChecked()).resolves.toBe(
      true,
    )
    await cancel.getByRole('radio', { name: 'All sessions in the series' }).waitFor()
    await cancel.getByRole('radio', { name: 'This and following sessions' }).check()
    await expectNoAxeViolations(page, 'cancel series dialog')
    await cancel.getByRole('button', { name: 'Cancel sessions' }).click()
    await cancel.waitFor({ state: 'hidden' })
    await occurrences.nth(3).getByText('Cancelled', { exact: true }).waitFor()
    await occurrences.nth(2).getByText('Cancelled', { exact: true }).waitFor()
    for (const index of [0, 1]) {
      await occurrences.nth(index).getByText('Scheduled', { exact: true }).waitFor()
    }
    await series.getByText(/^Weekly on \w+ · 2 of 4 upcoming$/).waitFor()

    // Move the whole series to the evening from its second session.
    await occurrences
      .nth(1)
      .getByRole('button', { name: /^Reschedule/ })
      .click()
    const reschedule = page.getByRole('dialog', { name: 'Reschedule Weekly drill' })
    await reschedule.getByRole('radio', { name: 'All sessions in the series' }).check()
    await reschedule.getByLabel('Time', { exact: true }).fill('19:30')
    await reschedule.getByRole('button', { name: 'Save new time' }).click()
    await reschedule.waitFor({ state: 'hidden' })
    for (const index of [0, 1]) {
      await occurrences.nth(index).getByText(/19:30/).first().waitFor()
    }
    await series.getByText(/^Next: .*19:30/).waitFor()

    // Upcoming: soonest first.
    await page
      .getByRole('search', { name: 'Filter sessions' })
      .getByText('Upcoming', { exact: true })
      .click()
    await page.waitForURL(/view=upcoming/)
    await expect
      .poll(() => topRowTitles(page))
      .toEqual(['Sooner one-off', 'Weekly drill', 'Later one-off'])
    await expectNoAxeViolations(page, 'sessions, upcoming view')
    await page.reload()
    await expect(page.getByRole('radio', { name: 'Upcoming' }).isChecked()).resolves.toBe(true)
    await expect
      .poll(() => topRowTitles(page))
      .toEqual(['Sooner one-off', 'Weekly drill', 'Later one-off'])

    await page.context().close()
  }, 240_000)
})
