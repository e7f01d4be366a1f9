import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import {
  bunnyQuestions,
  bunnyLoop as bunnyVideo,
  newPageIn,
  signIn,
  wallTimeIn,
} from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const bunnyLoop = { ...bunnyVideo, questions: bunnyQuestions }

function newPage(viewport: keyof typeof viewports, timezoneId: string): Promise<Page> {
  return newPageIn(browser, viewport, timezoneId, baseUrl)
}

/** A full-page screenshot taken from the top: scrolled, the sticky header lands mid-page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, name)
}

/** What the screen shows now, e.g. an open modal scrolled to `element`; full-page shots cut modals. */
async function shotScreen(page: Page, name: string, element?: Locator) {
  if (element) await element.scrollIntoViewIfNeeded()
  await page.screenshot({
    path: fileURLToPath(new URL(`./screenshots/${name}.png`, import.meta.url)),
  })
}

const MINUTE = 60_000

function sessionRows(page: Page, title: string) {
  return page
    .getByRole('list', { name: 'Sessions' })
    .getByRole('listitem')
    .filter({ hasText: title })
}

describe('group sessions', () => {
  it('an admin schedules a session from a recent loop; it starts on its own; a member joins, takes it and compares with the group while the host watches', async () => {
    const groupZone = 'Europe/Paris'
    const owner = await signUpByApi(baseUrl, 'Olivia Owner')
    const member = await signUpByApi(baseUrl, 'Max Member')
    const classmate = await signUpByApi(baseUrl, 'Carla Classmate')
    const group = await owner.api(endpoints.createGroup, {
      body: {
        name: 'Film club',
        description: 'We watch short films and quiz each other.',
        privacy: 'public',
        timezone: groupZone,
      },
    })
    for (const person of [member, classmate]) {
      await person.api(endpoints.joinByCode, { params: { code: group.joinCode ?? '' }, body: {} })
    }
    await owner.api(endpoints.createLoop, {
      body: { ...bunnyLoop, videoTitle: 'Sintel trailer', questions: [] },
    })
    await owner.api(endpoints.createLoop, { body: bunnyLoop })

    // The owner opens the Sessions tab: nothing yet, and the way to plan one.
    const a = await newPage('desktop', 'America/New_York')
    await signIn(a, owner.email)
    await a.goto(`/groups/${group.id}`)
    await a
      .getByRole('region', { name: 'Next sessions' })
      .getByText('Nothing planned yet')
      .waitFor()
    await expectNoAxeViolations(a, 'group overview, nothing planned')
    await a.getByRole('tab', { name: 'Overview' }).focus()
    await a.keyboard.press('ArrowRight')
    await a.waitForURL(`${baseUrl}/groups/${group.id}/sessions`)
    await a.getByRole('tab', { name: 'Sessions', selected: true }).waitFor()
    await a.getByText('No sessions yet').waitFor()
    const stats = a.getByRole('definition').filter({ hasText: 'Completed so far' })
    await stats.getByText('0', { exact: true }).waitFor()
    await expectNoAxeViolations(a, 'sessions, empty')
    await shot(a, 'sessions-empty-desktop')

    // Schedule session: import the recent loop that has questions, about a minute from now.
    await a.getByRole('button', { name: 'Schedule session' }).click()
    const dialog = a.getByRole('dialog', { name: 'Schedule a session' })
    await dialog
      .getByRole('region', { name: 'Group rules' })
      .getByText('Any day, any time.')
      .waitFor()
    await expect(dialog.getByRole('radio', { name: /Sintel trailer/ }).isDisabled()).resolves.toBe(
      true,
    )
    await dialog.getByRole('radio', { name: /Big Buck Bunny/ }).check()
    await dialog.getByLabel('Session title').fill('Bunny quiz night')
    // Checked before the start time is picked: the session must not start while this runs.
    await expectNoAxeViolations(a, 'schedule session dialog, from a recent loop')
    const startsAt = new Date(Math.ceil((Date.now() + 50_000) / MINUTE) * MINUTE)
    const wall = wallTimeIn(groupZone, startsAt)
    await dialog.getByLabel('Date', { exact: true }).fill(wall.date)
    await dialog.getByLabel('Time', { exact: true }).fill(wall.time)
    await dialog.getByText(/^That is .+ your time \(America\/New York\)\.$/).waitFor()
    await dialog.getByLabel('Duration (minutes)').fill('30')
    await dialog.getByLabel('Description or notes').fill('Watch the first two minutes first.')
    // Self-paced unless the host picks live.
    await expect(dialog.getByRole('radio', { name: /^Self-paced/ }).isChecked()).resolves.toBe(true)
    const toTop = () => dialog.evaluate((element) => element.scrollTo(0, 0))
    await toTop()
    await shotScreen(a, 'sessions-schedule-desktop')
    await shotScreen(a, 'sessions-schedule-time-desktop', dialog.getByLabel('Repeat'))
    await a.setViewportSize(viewports.phone)
    await toTop()
    await shotScreen(a, 'sessions-schedule-phone')
    await shotScreen(a, 'sessions-schedule-time-phone', dialog.getByLabel('Time', { exact: true }))
    await a.setViewportSize(viewports.desktop)
    await dialog.getByRole('button', { name: 'Schedule session' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const ownerRow = sessionRows(a, 'Bunny quiz night')
    await ownerRow.getByText('Scheduled', { exact: true }).waitFor()
    await ownerRow.getByText('(Europe/Paris)').waitFor()
    await ownerRow.getByText(/your time/).waitFor()
    await ownerRow.getByRole('button', { name: /^Start now/ }).waitFor()
    await ownerRow.getByRole('button', { name: /^Reschedule/ }).waitFor()

    // The member sees it in the Sessions tab, scheduled, in their own time too.
    const m = await newPage('desktop', 'Asia/Tokyo')
    await signIn(m, member.email)
    await m
      .getByRole('region', { name: 'Upcoming sessions' })
      .getByText('Bunny quiz night')
      .waitFor()
    await expectNoAxeViolations(m, 'dashboard, an upcoming session')
    await shot(m, 'dashboard-upcoming-desktop')
    await m.goto(`/groups/${group.id}/sessions`)
    const memberRow = sessionRows(m, 'Bunny quiz night')
    await memberRow.getByText('Scheduled', { exact: true }).waitFor()
    await memberRow.getByText(/your time/).waitFor()
    await expect(memberRow.getByRole('button').count()).resolves.toBe(0)
    await expectNoAxeViolations(m, 'sessions, one scheduled, member')
    await shot(m, 'sessions-member-desktop')

    // The join link, opened early, waits for the start.
    const waiting = await m.context().newPage()
    await waiting.goto(
      (await memberRow
        .getByRole('link', { name: 'Bunny quiz night', exact: true })
        .getAttribute('href')) ?? '',
    )
    const joinUrl = await waiting.getByLabel('Join link').inputValue()
    await expectNoAxeViolations(waiting, 'session page, scheduled, member')
    expect(joinUrl).toMatch(
      new RegExp(`^${baseUrl}/questions/[\\w-]+\\?groupId=${group.id}&sessionId=[0-9a-f-]{36}$`),
    )
    await waiting.goto(joinUrl)
    await waiting.getByRole('heading', { name: /This session starts at/ }).waitFor()
    await waiting
      .getByText(/Starts in/)
      .first()
      .waitFor()
    await expectNoAxeViolations(waiting, 'session quiz, waiting for the start')
    await shot(waiting, 'session-quiz-waiting-desktop')

    // The scheduler starts it at its time; the list notices by itself.
    await memberRow.getByRole('link', { name: /^Join/ }).waitFor({ timeout: 180_000 })
    await memberRow.getByText('Active', { exact: true }).waitFor()
    await waiting.getByRole('heading', { name: 'Join the session' }).waitFor({ timeout: 30_000 })
    await waiting.goto('/')
    await waiting
      .getByRole('list', { name: 'Active sessions' })
      .getByRole('listitem')
      .filter({ hasText: 'Bunny quiz night' })
      .getByRole('link', { name: /^Join/ })
      .waitFor()
    await expectNoAxeViolations(waiting, 'dashboard, an active session')
    await shot(waiting, 'dashboard-active-desktop')
    await waiting.close()
    await shot(m, 'sessions-active-desktop')

    // A classmate has already answered everything by the API.
    const sessionId = new URL(joinUrl).searchParams.get('sessionId') ?? ''
    const params = { groupId: group.id, sessionId }
    const detail = await classmate.api(endpoints.getSession, { params })
    const attempt = await classmate.api(endpoints.joinSession, { params })
    const [first, second] = detail.questions
    for (const [question, response] of [
      [first, 'rabbit'],
      [second, true],
    ] as const) {
      await classmate.api(endpoints.submitAnswer, {
        params: { attemptId: attempt.id },
        body: { clientAnswerId: randomUUID(), questionId: question?.id ?? '', response },
      })
    }
    await classmate.api(endpoints.finishAttempt, { params: { attemptId: attempt.id } })

    // The member joins from the list and takes the quiz with the group around it.
    await memberRow.getByRole('link', { name: /^Join/ }).click()
    await m.waitForURL(joinUrl)
    const banner = m.getByRole('region', { name: 'Group session' })
    await banner.getByText('Film club').waitFor()
    await banner.getByText('Bunny quiz night').waitFor()
    await banner.getByText('Active', { exact: true }).waitFor()
    await banner.getByText(/Ends in \d+:\d\d/).waitFor()
    await banner.getByText('1 participant').waitFor()
    await expectNoAxeViolations(m, 'session quiz, start panel')
    await shot(m, 'session-quiz-start-desktop')
    await m.getByRole('button', { name: 'Start quiz' }).click()
    await m.getByText('Question 1 of 2').waitFor()
    await expectNoAxeViolations(m, 'session quiz, question')
    await m.getByRole('button', { name: 'A rabbit' }).click()
    await m.getByText('Correct!').waitFor()
    await expectNoAxeViolations(m, 'session quiz, feedback')
    await shot(m, 'session-quiz-question-desktop')
    await m.getByRole('button', { name: 'Next question' }).click()
    await m.getByText('Question 2 of 2').waitFor()

    // Meanwhile the host watches the member's progress live.
    await a.reload()
    await ownerRow.getByRole('link', { name: 'Bunny quiz night', exact: true }).click()
    await a.getByRole('tab', { name: 'Sessions', selected: true }).waitFor()
    const participants = a.getByRole('list', { name: 'Participants' })
    const maxRow = participants.getByRole('listitem').filter({ hasText: 'Max Member' })
    await maxRow.getByText('1/2 answered').waitFor()
    await maxRow.getByText('Answering').waitFor()
    await participants
      .getByRole('listitem')
      .filter({ hasText: 'Carla Classmate' })
      .getByText('Completed')
      .waitFor()
    await expectNoAxeViolations(a, 'session page, active, host')

    await m.getByRole('button', { name: 'False' }).click()
    await m.getByText('Not quite').waitFor()
    await m.getByRole('button', { name: 'See results' }).click()
    await m.getByText('1 / 2').waitFor()
    await expect(m.getByRole('button', { name: 'Try again' }).count()).resolves.toBe(0)

    // The result next to the group's: rank, average, leaderboard, per question.
    const compare = m.getByRole('region', { name: 'How you compare with the group' })
    await compare.getByText('#2').waitFor()
    await compare.getByText('1.5/2').waitFor()
    const leaderboard = compare.getByRole('list', { name: 'Leaderboard' })
    await leaderboard
      .getByRole('listitem')
      .filter({ hasText: 'Max Member (you)' })
      .getByText('1/2')
      .waitFor()
    await leaderboard
      .getByRole('listitem')
      .filter({ hasText: 'Carla Classmate' })
      .getByText('2/2')
      .waitFor()
    await compare.getByText('2 of 2 correct').waitFor()
    await compare.getByText('1 of 2 correct').waitFor()
    await compare.getByText('Live', { exact: true }).waitFor()
    await expectNoAxeViolations(m, 'session quiz, results with the group')
    await shot(m, 'session-results-desktop')
    await m.setViewportSize(viewports.phone)
    await shot(m, 'session-results-phone')

    // A reload comes back to the same attempt and its result.
    await m.reload()
    await compare.getByText('#2').waitFor()
    await m.setViewportSize(viewports.desktop)

    // The host sees both finished, with the results; then ends the session early.
    await maxRow.getByText('2/2 answered').waitFor()
    await maxRow.getByText('Completed').waitFor()
    const groupResults = a.getByRole('region', { name: 'Group results' })
    await groupResults.getByText('1.5/2').waitFor()
    await groupResults.getByText('1 of 2 correct').waitFor()
    await groupResults.getByText('In progress').waitFor({ state: 'detached' })
    await expectNoAxeViolations(a, 'session page, everyone finished, host')
    await shot(a, 'session-host-desktop')
    await a.setViewportSize(viewports.phone)
    await shot(a, 'session-host-phone')
    await a.setViewportSize(viewports.desktop)
    await a.getByRole('button', { name: /^End now/ }).click()
    const end = a.getByRole('dialog', { name: 'End this session now?' })
    await end.getByRole('button', { name: 'End session' }).waitFor()
    await expectNoAxeViolations(a, 'end session dialog')
    await end.getByRole('button', { name: 'End session' }).click()
    await a.getByText('Completed', { exact: true }).first().waitFor()
    await a.getByRole('button', { name: /^End now/ }).waitFor({ state: 'detached' })

    // The member's dashboard and the group overview list it with their result.
    await m.goto('/')
    const active = m.getByRole('region', { name: 'Active sessions' })
    const upcoming = m.getByRole('region', { name: 'Upcoming sessions' })
    await upcoming.getByText('Nothing scheduled').waitFor()
    await active.getByText('No session open right now').waitFor()
    await expectNoAxeViolations(m, 'dashboard, sessions over')
    await shot(m, 'dashboard-after-desktop')
    await m.setViewportSize(viewports.phone)
    await m.goto(`/groups/${group.id}/sessions`)
    await memberRow.getByText('Completed', { exact: true }).waitFor()
    await m
      .getByRole('definition')
      .filter({ hasText: 'Completed so far' })
      .getByText('1')
      .first()
      .waitFor()
    await shot(m, 'sessions-member-phone')

    for (const page of [a, m]) await page.context().close()
  }, 480_000)

  it('at phone width, an admin schedules from a video and own questions within the group’s rules, repeats weekly, reschedules, cancels, filters, and runs an instant session', async () => {
    const groupZone = 'America/New_York'
    const owner = await signUpByApi(baseUrl, 'Dana Admin')
    const group = await owner.api(endpoints.createGroup, {
      body: {
        name: 'Geography circle',
        privacy: 'private',
        timezone: groupZone,
        settings: {
          session_creation_permission: 'admin',
          instant_session_permission: 'all_members',
          session_approval_required: false,
          advance_notice_hours: 24,
        },
      },
    })
    await owner.api(endpoints.createLoop, { body: bunnyLoop })

    const page = await newPage('phone', 'Europe/Berlin')
    await signIn(page, owner.email)
    await page.goto(`/groups/${group.id}/sessions`)
    await page.getByRole('button', { name: 'Schedule session' }).click()
    const dialog = page.getByRole('dialog', { name: 'Schedule a session' })
    await dialog
      .getByRole('region', { name: 'Group rules' })
      .getByText('Start at least 24 hours from now.')
      .waitFor()

    // Create manually: a YouTube link is recognised; two questions of two types.
    await dialog.getByText('Create manually').click()
    await dialog.getByLabel('Video URL').fill('https://youtu.be/aqz-KE-bpKQ')
    await dialog.getByText('YouTube video aqz-KE-bpKQ').waitFor()
    await dialog.getByLabel('Video title').fill('Capitals of Europe')
    await dialog.getByLabel('Loop end (seconds)').fill('90')
    const q1 = dialog.getByRole('group', { name: 'Question 1' })
    await q1.getByLabel('Question', { exact: true }).fill('What is the capital of France?')
    await q1.getByLabel('Option A', { exact: true }).fill('Paris')
    await q1.getByLabel('Option B', { exact: true }).fill('Rome')
    await q1.getByRole('button', { name: 'Add option' }).click()
    await q1.getByLabel('Option C', { exact: true }).fill('Berlin')
    await q1.getByRole('button', { name: 'Remove option C' }).click()
    await dialog.getByRole('button', { name: 'Schedule session' }).click()
    await q1.getByText('Mark the correct option.').waitFor()
    await q1.getByLabel('Option A is correct').check()
    await dialog.getByRole('button', { name: 'Add true or false' }).click()
    const q2 = dialog.getByRole('group', { name: 'Question 2' })
    await q2.getByLabel('Question', { exact: true }).fill('Rome is in Spain.')
    await q2.getByRole('radio', { name: 'False' }).check()
    await expectNoAxeViolations(page, 'schedule session dialog, created manually')
    await shotScreen(page, 'sessions-schedule-manual-phone', q1)

    // Too soon for the group's notice: the server says why.
    const soon = wallTimeIn(groupZone, new Date(Date.now() + 2 * 60 * MINUTE))
    await dialog.getByLabel('Date', { exact: true }).fill(soon.date)
    await dialog.getByLabel('Time', { exact: true }).fill(soon.time)
    await dialog.getByRole('button', { name: 'Schedule session' }).click()
    const alert = dialog
      .getByRole('alert')
      .filter({ hasText: 'This time isn’t allowed in this group' })
    await alert.getByText(/24 hours' notice/).waitFor()
    await expectNoAxeViolations(page, 'schedule session dialog, time refused')
    await shotScreen(page, 'sessions-schedule-error-phone', alert)

    // Three days ahead, weekly on two days, three times.
    const later = wallTimeIn(groupZone, new Date(Date.now() + 3 * 24 * 60 * MINUTE))
    await dialog.getByLabel('Date', { exact: true }).fill(later.date)
    await dialog.getByLabel('Time', { exact: true }).fill('18:00')
    await dialog.getByLabel('Repeat').selectOption('weekly')
    await dialog.getByLabel('Number of sessions').fill('3')
    await dialog.getByRole('button', { name: 'Schedule session' }).click()
    await dialog.waitFor({ state: 'hidden' })
    // The series is one row; its occurrences open below it.
    const series = sessionRows(page, 'Capitals of Europe')
    await expect.poll(() => series.count()).toBe(1)
    await series.getByText('Recurring').waitFor()
    await series.getByText(/^Weekly on .+ · 3 of 3 upcoming$/).waitFor()
    await series.getByRole('button', { name: 'All 3 sessions in this series' }).click()
    const rows = page
      .getByRole('list', { name: 'Sessions of the series Capitals of Europe' })
      .getByRole('listitem')
    await expect.poll(() => rows.count()).toBe(3)
    await expectNoAxeViolations(page, 'sessions, a series expanded')
    await shot(page, 'sessions-list-phone')

    // Reschedule one to 19:30 and cancel another.
    await rows
      .nth(0)
      .getByRole('button', { name: /^Reschedule/ })
      .click()
    const reschedule = page.getByRole('dialog', { name: 'Reschedule Capitals of Europe' })
    await expect(reschedule.getByLabel('Time', { exact: true }).inputValue()).resolves.toBe('18:00')
    await expectNoAxeViolations(page, 'reschedule dialog')
    await reschedule.getByLabel('Time', { exact: true }).fill('19:30')
    await reschedule.getByRole('button', { name: 'Save new time' }).click()
    await reschedule.waitFor({ state: 'hidden' })
    await page.getByRole('list', { name: 'Sessions' }).getByText(/19:30/).first().waitFor()
    await rows
      .nth(2)
      .getByRole('button', { name: /^Cancel/ })
      .click()
    const cancel = page.getByRole('dialog', { name: 'Cancel Capitals of Europe?' })
    await cancel.getByRole('button', { name: 'Cancel session' }).waitFor()
    await expectNoAxeViolations(page, 'cancel session dialog')
    await cancel.getByRole('button', { name: 'Cancel session' }).click()
    await rows.nth(2).getByText('Cancelled', { exact: true }).waitFor()

    // Filters live in the URL; the series still shows as one row, its cancelled occurrence.
    await page.getByLabel('Status').selectOption({ label: 'Cancelled' })
    await page.waitForURL(/status=cancelled/)
    await page.reload()
    await expect(page.getByLabel('Status').inputValue()).resolves.toBe('cancelled')
    await series.getByText('Cancelled', { exact: true }).first().waitFor()
    await expect.poll(() => series.count()).toBe(1)
    await expectNoAxeViolations(page, 'sessions, filtered')
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await series.getByText(/^Weekly on .+ · 2 of 3 upcoming$/).waitFor()
    await page.getByLabel('Created by').selectOption({ label: 'Dana Admin' })
    await page.getByLabel('From').fill(later.date)
    await expect.poll(() => series.count()).toBe(1)
    await page.getByRole('button', { name: 'Clear filters' }).click()

    // An instant session from the recent loop: active at once, ended by its host.
    await page.getByRole('button', { name: 'Start instant session' }).click()
    const instant = page.getByRole('dialog', { name: 'Start an instant session' })
    await instant.getByRole('radio', { name: /Big Buck Bunny/ }).check()
    await instant.getByLabel('Duration (minutes)').fill('15')
    await expectNoAxeViolations(page, 'instant session dialog')
    await instant.getByRole('button', { name: 'Start session now' }).click()
    await instant.waitFor({ state: 'hidden' })
    const live = sessionRows(page, 'Big Buck Bunny')
    await live.getByText('Active', { exact: true }).waitFor()
    await live.getByText('Instant').waitFor()
    await live.getByRole('link', { name: /^Join/ }).waitFor()
    await expectNoAxeViolations(page, 'sessions, an instant session active')
    await shot(page, 'sessions-instant-phone')
    await live.getByRole('button', { name: /^End now/ }).click()
    await page
      .getByRole('dialog', { name: 'End this session now?' })
      .getByRole('button', { name: 'End session' })
      .click()
    await live.getByText('Completed', { exact: true }).waitFor()
    await live.getByRole('link', { name: /^View results/ }).waitFor()

    await page.goto(`/groups/${group.id}`)
    await page
      .getByRole('list', { name: 'Next sessions' })
      .getByText('Capitals of Europe')
      .first()
      .waitFor()
    await expectNoAxeViolations(page, 'group overview, next sessions')
    await shot(page, 'group-overview-sessions-phone')
    await page.context().close()
  }, 360_000)
})
