import type { CalendarFeed, GroupSession } from '@loopquiz/contract'
import { eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { calendarFeeds } from '../../db/schema/calendar.ts'
import { groupQuizSessions } from '../../db/schema/sessions.ts'
import { HOUR, inHours, manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp, type TestApp, type TestUser } from '../../test/test-app.ts'

let app: TestApp
let call: ReturnType<typeof sessionFixtures>['call']
let setUpGroup: ReturnType<typeof sessionFixtures>['setUpGroup']

beforeAll(async () => {
  app = await createTestApp()
  ;({ call, setUpGroup } = sessionFixtures(app))
})

/** The events of a calendar file as a real client (Mozilla's parser) reads them. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone))
  }
  const events = calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    summary: String(event.getFirstPropertyValue('summary')),
    start: new ICAL.Event(event).startDate.toJSDate().toISOString(),
    startZone: event.getFirstProperty('dtstart')?.getParameter('tzid'),
    hasRule: event.hasProperty('rrule'),
  }))
  return { method: calendar.getFirstPropertyValue('method'), events }
}

/** `hours` from now on a whole minute: iCalendar times have no fractions of a second. */
const atMinute = (hours: number) =>
  new Date(Math.ceil(Date.parse(inHours(hours)) / 60_000) * 60_000).toISOString()

async function schedule(base: string, user: TestUser, body: object): Promise<GroupSession> {
  const response = await call('POST', `${base}/schedule`, user, { source: manualSource, ...body })
  expect(response.statusCode).toBe(201)
  return response.json()
}

async function feedOf(user: TestUser): Promise<CalendarFeed> {
  const response = await call('GET', '/api/user/calendar-feed', user)
  expect(response.statusCode).toBe(200)
  return response.json()
}

/** The feed as a calendar fetches it: by its address alone, without credentials. */
const fetchFeed = (feed: CalendarFeed) =>
  app.inject({ method: 'GET', url: new URL(feed.url).pathname })

describe('a session as a calendar file', () => {
  it('downloads one event with the session’s UID, sequence and zoned start; cancelled once cancelled', async () => {
    const { owner, member, base } = await setUpGroup()
    const session = await schedule(base, owner, {
      scheduledAt: atMinute(5),
      title: 'Chapter 4: verbs!',
    })

    const response = await call('GET', `${base}/${session.id}/calendar.ics`, member)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="chapter-4-verbs.ics"',
    )
    const file = parse(response.body)
    expect(file.method).toBe('PUBLISH')
    expect(file.events).toHaveLength(1)
    const [event] = file.events
    expect(event).toMatchObject({
      uid: `session-${session.id}@localhost`,
      sequence: 0,
      status: 'CONFIRMED',
      summary: 'Chapter 4: verbs!',
      hasRule: false,
    })
    expect(event?.startZone).toBe('Europe/Paris')
    expect(event?.start).toBe(session.scheduledAt)

    expect((await call('DELETE', `${base}/${session.id}`, owner)).statusCode).toBe(200)
    const cancelled = parse((await call('GET', `${base}/${session.id}/calendar.ics`, member)).body)
    expect(cancelled.events[0]).toMatchObject({
      uid: `session-${session.id}@localhost`,
      sequence: 1,
      status: 'CANCELLED',
    })
  })

  it('gives an occurrence of a series alone, under a UID of its own, not the series’', async () => {
    const { owner, member, base } = await setUpGroup()
    const first = await schedule(base, owner, {
      scheduledAt: atMinute(5),
      recurrenceRule: 'FREQ=WEEKLY;COUNT=3',
    })
    expect(first.seriesId).toBe(first.id)
    const { items } = (await call('GET', `${base}?seriesId=${first.id}`, member)).json()
    const second = (items as GroupSession[]).find((item) => item.id !== first.id)
    expect(second).toBeDefined()

    for (const occurrence of [first, second as GroupSession]) {
      const file = parse((await call('GET', `${base}/${occurrence.id}/calendar.ics`, member)).body)
      expect(file.events).toHaveLength(1)
      expect(file.events[0]).toMatchObject({
        uid: `occurrence-${occurrence.id}@localhost`,
        hasRule: false,
      })
      expect(file.events[0]?.start).toBe(occurrence.scheduledAt)
    }
  })

  it('is refused to whoever may not see the session, as GET session is', async () => {
    const { owner, outsider, base } = await setUpGroup()
    const session = await schedule(base, owner, { scheduledAt: atMinute(5) })
    for (const user of [outsider, null]) {
      const asSession = await call('GET', `${base}/${session.id}`, user)
      const asFile = await call('GET', `${base}/${session.id}/calendar.ics`, user)
      expect(asFile.statusCode).toBe(asSession.statusCode)
      expect(asFile.json().error.code).toBe(asSession.json().error.code)
      expect(asFile.body).not.toContain('VCALENDAR')
    }
    const unknown = await call('GET', `${base}/${crypto.randomUUID()}/calendar.ics`, owner)
    expect(unknown.statusCode).toBe(404)
  })
})

describe('the personal calendar feed', () => {
  it('lists the sessions of my groups only, occurrences one by one, cancelled ones as cancelled', async () => {
    const { owner, member, outsider, base, group } = await setUpGroup({
      session_creation_permission: 'all_members',
      session_approval_required: true,
    })
    const other = await setUpGroup()
    const planned = await schedule(base, owner, { scheduledAt: atMinute(5), title: 'Planned' })
    const series = await schedule(base, owner, {
      scheduledAt: atMinute(8),
      title: 'Weekly',
      recurrenceRule: 'FREQ=WEEKLY;COUNT=2',
    })
    const dropped = await schedule(base, owner, { scheduledAt: atMinute(9), title: 'Dropped' })
    await call('DELETE', `${base}/${dropped.id}`, owner)
    const waiting = await schedule(base, member, { scheduledAt: atMinute(10), title: 'Waiting' })
    expect(waiting.status).toBe('pending_approval')
    const longAgo = await schedule(base, owner, { scheduledAt: atMinute(11), title: 'Long ago' })
    const lastWeek = await schedule(base, owner, { scheduledAt: atMinute(12), title: 'Last week' })
    // The passing of time, which no endpoint makes: these two took place in the past.
    for (const [id, daysAgo] of [
      [longAgo.id, 40],
      [lastWeek.id, 7],
    ] as const) {
      const at = new Date(Date.now() - daysAgo * 24 * HOUR)
      await app.db
        .update(groupQuizSessions)
        .set({ status: 'completed', scheduledAt: at, endsAt: new Date(at.getTime() + HOUR) })
        .where(eq(groupQuizSessions.id, id))
    }
    const elsewhere = await schedule(other.base, other.owner, {
      scheduledAt: atMinute(5),
      title: 'Not my group',
    })

    const feed = await feedOf(member)
    expect(feed.webcalUrl).toBe(feed.url.replace(/^http:\/\//, 'webcal://'))
    expect(feed.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    expect(await feedOf(member)).toEqual(feed)

    const response = await fetchFeed(feed)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8')
    expect(response.headers['cache-control']).toBe('private, max-age=300')
    const file = parse(response.body)
    expect(file.method).toBe('PUBLISH')
    const seriesItems = (await call('GET', `${base}?seriesId=${series.id}`, member)).json()
      .items as GroupSession[]
    expect(seriesItems).toHaveLength(2)
    const byUid = new Map(file.events.map((event) => [event.uid, event]))
    expect([...byUid.keys()].sort()).toEqual(
      [
        `session-${planned.id}@localhost`,
        `session-${dropped.id}@localhost`,
        `session-${lastWeek.id}@localhost`,
        ...seriesItems.map((item) => `occurrence-${item.id}@localhost`),
      ].sort(),
    )
    expect(byUid.get(`session-${dropped.id}@localhost`)?.status).toBe('CANCELLED')
    expect(byUid.get(`session-${planned.id}@localhost`)).toMatchObject({
      status: 'CONFIRMED',
      summary: `Planned · ${group.name}`,
    })
    expect(file.events.every((event) => !event.hasRule)).toBe(true)
    expect(response.body).not.toContain(elsewhere.id)

    // The outsider's own feed has the other group's session and none of this group's.
    const outsiderFile = parse((await fetchFeed(await feedOf(outsider))).body)
    expect(outsiderFile.events).toEqual([])
    const otherFile = parse((await fetchFeed(await feedOf(other.owner))).body)
    expect(otherFile.events.map((event) => event.uid)).toEqual([
      `session-${elsewhere.id}@localhost`,
    ])
  })

  it('stops answering at the old address once a new one is made; an unknown token is 404', async () => {
    const { member } = await setUpGroup()
    const old = await feedOf(member)
    const regenerated = await call('POST', '/api/user/calendar-feed/regenerate', member)
    expect(regenerated.statusCode).toBe(200)
    const fresh: CalendarFeed = regenerated.json()
    expect(fresh.url).not.toBe(old.url)
    expect(await feedOf(member)).toEqual(fresh)
    expect((await fetchFeed(fresh)).statusCode).toBe(200)
    const stale = await fetchFeed(old)
    expect(stale.statusCode).toBe(404)
    expect(stale.json().error.code).toBe('NOT_FOUND')

    const unknown = await app.inject({ method: 'GET', url: '/api/calendar/not-a-feed-token.ics' })
    expect(unknown.statusCode).toBe(404)
  })

  it('keeps only a hash of the address’s token, and asks a signed-in user for the address', async () => {
    const { member } = await setUpGroup()
    const feed = await feedOf(member)
    const token = /\/api\/calendar\/([^/]+)\.ics$/.exec(feed.url)?.[1] ?? ''
    const rows = await app.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, member.id))
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(token)
    expect((await call('GET', '/api/user/calendar-feed', null)).statusCode).toBe(401)
    expect((await call('POST', '/api/user/calendar-feed/regenerate', null)).statusCode).toBe(401)
  })
})
