import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { groupQuizSessions } from '../../db/schema/sessions.ts'
import { iso, nextWeekdayAt, THURSDAY, TUESDAY, WEDNESDAY } from '../../test/dates.ts'
import {
  createTestApp,
  sampleLoop,
  sampleQuestions,
  share,
  signUp,
  type TestUser,
} from '../../test/test-app.ts'

// Each test here guards one rule that a deliberately broken copy of the server got past
// the rest of the suite: it passes on the real rule and fails when the rule is removed.
const app = await createTestApp()

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'
async function call(method: Method, url: string, user: TestUser, payload?: object) {
  return app.inject({ method, url, headers: user.bearer, ...(payload ? { payload } : {}) })
}

const HOUR = 3_600_000
const ZONE = 'Europe/Paris'
const manual = { kind: 'manual', loop: sampleLoop, questions: sampleQuestions }
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString()

async function createGroup(owner: TestUser, settings: object = {}) {
  const group = (
    await call('POST', '/api/groups', owner, { name: 'Guarded', privacy: 'public', timezone: ZONE })
  ).json() as { id: string; joinCode: string }
  const updated = await call('PUT', `/api/groups/${group.id}/settings`, owner, settings)
  expect(updated.statusCode, updated.body).toBe(200)
  return { ...group, base: `/api/groups/${group.id}/sessions` }
}

async function join(user: TestUser, group: { joinCode: string }) {
  const joined = await call('POST', `/api/join/${group.joinCode}`, user, {})
  expect(joined.statusCode, joined.body).toBe(200)
}

async function scheduleIn(base: string, user: TestUser, body: object) {
  const response = await call('POST', `${base}/schedule`, user, { source: manual, ...body })
  expect(response.statusCode, response.body).toBe(201)
  return response.json() as { id: string; scheduledAt: string; shareToken: string }
}

function expectScheduleRefused(
  response: { statusCode: number; json: () => unknown },
  field = 'body.scheduledAt',
) {
  expect(response.statusCode).toBe(422)
  expect(response.json()).toMatchObject({
    error: {
      code: 'SCHEDULE_NOT_ALLOWED',
      details: [{ path: field, message: expect.any(String) }],
    },
  })
}

/** Moves a session's times by `ms`, standing for the clock having moved by `-ms`. */
async function shiftTimes(sessionId: string, ms: number) {
  const [row] = await app.db
    .select()
    .from(groupQuizSessions)
    .where(eq(groupQuizSessions.id, sessionId))
  if (!row?.scheduledAt || !row.endsAt) throw new Error('session has no times')
  await app.db
    .update(groupQuizSessions)
    .set({
      scheduledAt: new Date(row.scheduledAt.getTime() + ms),
      endsAt: new Date(row.endsAt.getTime() + ms),
    })
    .where(eq(groupQuizSessions.id, sessionId))
}

describe('rescheduling follows the same time rules as scheduling', () => {
  it('refuses a new time outside the allowed slots, and leaves the session as it was', async () => {
    const owner = await signUp(app, 'Slot owner')
    const { base } = await createGroup(owner, {
      allowed_time_slots: [{ days: [2, 4], start: '18:00', end: '20:00' }],
    })
    const tuesday = nextWeekdayAt(TUESDAY, '18:00', ZONE)
    const session = await scheduleIn(base, owner, { scheduledAt: iso(tuesday) })

    for (const outside of [
      nextWeekdayAt(WEDNESDAY, '18:00', ZONE),
      nextWeekdayAt(THURSDAY, '21:00', ZONE),
    ]) {
      expectScheduleRefused(
        await call('PUT', `${base}/${session.id}`, owner, { scheduledAt: iso(outside) }),
      )
    }
    // A longer duration that no longer fits is refused the same way.
    expectScheduleRefused(
      await call('PUT', `${base}/${session.id}`, owner, { durationMinutes: 180 }),
    )
    const after = (await call('GET', `${base}/${session.id}`, owner)).json()
    expect(after).toMatchObject({ scheduledAt: iso(tuesday), durationMinutes: 60, icsSequence: 0 })

    const thursday = nextWeekdayAt(THURSDAY, '18:30', ZONE)
    const moved = await call('PUT', `${base}/${session.id}`, owner, { scheduledAt: iso(thursday) })
    expect(moved.statusCode, moved.body).toBe(200)
    expect(moved.json().scheduledAt).toBe(iso(thursday))
  })

  it('refuses a new time inside the advance notice, or in the past', async () => {
    const owner = await signUp(app, 'Notice owner')
    const { base } = await createGroup(owner, { advance_notice_hours: 24 })
    const session = await scheduleIn(base, owner, { scheduledAt: inHours(48) })

    const tooSoon = await call('PUT', `${base}/${session.id}`, owner, { scheduledAt: inHours(2) })
    expectScheduleRefused(tooSoon)
    expect(tooSoon.json().error.message).toMatch(/24 hours' notice/)
    expectScheduleRefused(
      await call('PUT', `${base}/${session.id}`, owner, { scheduledAt: inHours(-1) }),
    )
    expect((await call('GET', `${base}/${session.id}`, owner)).json().scheduledAt).toBe(
      session.scheduledAt,
    )
    // A change that leaves the time alone is not held to the notice again.
    const renamed = await call('PUT', `${base}/${session.id}`, owner, { title: 'Renamed' })
    expect(renamed.statusCode, renamed.body).toBe(200)
  })
})

describe('every occurrence of a series follows the allowed slots', () => {
  it('refuses a series whose first occurrence fits but a later one does not, creating nothing', async () => {
    const owner = await signUp(app, 'Series owner')
    // Tuesdays only: a Tuesday-and-Thursday series fits on its first day and on no Thursday.
    const { base } = await createGroup(owner, {
      allowed_time_slots: [{ days: [2], start: '18:00', end: '20:00' }],
    })
    const tuesday = nextWeekdayAt(TUESDAY, '18:00', ZONE)
    const refused = await call('POST', `${base}/schedule`, owner, {
      scheduledAt: iso(tuesday),
      recurrenceRule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4',
      source: manual,
    })
    // The first occurrence is fine: the fault lies in the rule that makes the later ones.
    expectScheduleRefused(refused, 'body.recurrenceRule')
    const listed = (await call('GET', `${base}?limit=50`, owner)).json()
    expect(listed.items).toEqual([])

    const tuesdays = await call('POST', `${base}/schedule`, owner, {
      scheduledAt: iso(tuesday),
      recurrenceRule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=4',
      source: manual,
    })
    expect(tuesdays.statusCode, tuesdays.body).toBe(201)
  })
})

describe('a group session’s copy of a quiz stays in its group', () => {
  it('refuses it as the source of a session in another group, to members of both and to others', async () => {
    const ownerA = await signUp(app, 'Owner A')
    const ownerB = await signUp(app, 'Owner B')
    const both = await signUp(app, 'Member of both')
    const groupA = await createGroup(ownerA)
    const groupB = await createGroup(ownerB)
    await join(both, groupA)
    await join(both, groupB)
    const inA = (
      await call('POST', `${groupA.base}/create-instant`, ownerA, { source: manual })
    ).json()
    // The member can read the copy where it belongs…
    expect((await call('GET', `/api/questions/${inA.shareToken}`, both)).statusCode).toBe(200)

    for (const user of [both, ownerB]) {
      const refused = await call('POST', `${groupB.base}/create-instant`, user, {
        source: { kind: 'share', token: inA.shareToken },
      })
      expect(refused.statusCode, refused.body).toBe(404)
      expect(refused.json().error.code).toBe('SHARE_NOT_FOUND')
    }
    expect((await call('GET', `${groupB.base}?limit=50`, ownerB)).json().items).toEqual([])

    // …while a link its author shared publicly is a valid source anywhere.
    const published = await share(app, ownerA)
    const fromLink = await call('POST', `${groupB.base}/create-instant`, both, {
      source: { kind: 'share', token: published.token },
    })
    expect(fromLink.statusCode, fromLink.body).toBe(201)
  })
})

describe('scheduled jobs act only when their time has come', () => {
  it('a start job left over from before a reschedule does not start the session early', async () => {
    const owner = await signUp(app, 'Job owner')
    const { base } = await createGroup(owner)
    const session = await scheduleIn(base, owner, { scheduledAt: inHours(2) })
    // The start job planned for two hours from now stays queued when the session moves.
    const moved = await call('PUT', `${base}/${session.id}`, owner, { scheduledAt: inHours(5) })
    expect(moved.statusCode, moved.body).toBe(200)

    expect(await app.services.sessions.startDue(session.id)).toBeNull()
    expect((await call('GET', `${base}/${session.id}`, owner)).json()).toMatchObject({
      status: 'scheduled',
      startedAt: null,
      scheduledAt: moved.json().scheduledAt,
    })

    // Once its (new) time has come, the same call does start it.
    // (The minute sweep may get there first; either way the session is running.)
    await shiftTimes(session.id, -5 * HOUR - 60_000)
    await app.services.sessions.startDue(session.id)
    expect((await call('GET', `${base}/${session.id}`, owner)).json().status).toBe('active')
  })

  it('an end job left over from before a reschedule does not end a running session early', async () => {
    const owner = await signUp(app, 'Job owner 2')
    const group = await createGroup(owner)
    const { base } = group
    // Planned 2 h ahead for 30 min, then moved 2.5 h ahead for 2 h: the old end job would
    // fire at 2.5 h, while the session now runs until 4.5 h.
    const session = await scheduleIn(base, owner, { scheduledAt: inHours(2), durationMinutes: 30 })
    const moved = await call('PUT', `${base}/${session.id}`, owner, {
      scheduledAt: inHours(2.5),
      durationMinutes: 120,
    })
    expect(moved.statusCode, moved.body).toBe(200)
    // Let the session's start pass, as if it were now 2 h 45 min later.
    await shiftTimes(session.id, -2.75 * HOUR)
    await app.services.sessions.startDue(session.id)
    expect((await call('GET', `${base}/${session.id}`, owner)).json().status).toBe('active')

    expect(await app.services.sessions.completeDue(session.id)).toBeNull()
    const running = (await call('GET', `${base}/${session.id}`, owner)).json()
    expect(running).toMatchObject({ status: 'active', completedAt: null })
    const member = await signUp(app, 'Still answering')
    await join(member, group)
    expect((await call('POST', `${base}/${session.id}/join`, member)).statusCode).toBe(200)

    await shiftTimes(session.id, -2 * HOUR)
    await app.services.sessions.completeDue(session.id)
    expect((await call('GET', `${base}/${session.id}`, owner)).json().status).toBe('completed')
  })
})

describe('a session is reached only through its own group', () => {
  it('answers 404 through another group’s URL, even to someone who may act in both groups', async () => {
    const owner = await signUp(app, 'Owner of both')
    const groupA = await createGroup(owner)
    const groupB = await createGroup(owner)
    const planned = await scheduleIn(groupA.base, owner, { scheduledAt: inHours(3) })
    const running = (
      await call('POST', `${groupA.base}/create-instant`, owner, { source: manual })
    ).json() as { id: string }
    const snapshot = async (id: string) =>
      (await call('GET', `${groupA.base}/${id}`, owner)).json() as object
    const before = { planned: await snapshot(planned.id), running: await snapshot(running.id) }

    const attempts: [Method, string, string, object?][] = [
      ['GET', planned.id, ''],
      ['PUT', planned.id, '', { title: 'Hijacked', scheduledAt: inHours(6) }],
      ['DELETE', planned.id, ''],
      ['POST', planned.id, '/start'],
      ['POST', planned.id, '/approve'],
      ['POST', planned.id, '/reject'],
      ['POST', running.id, '/end'],
      ['POST', running.id, '/join'],
      ['GET', running.id, '/participants'],
      ['GET', running.id, '/results'],
    ]
    for (const [method, id, action, body] of attempts) {
      const response = await call(method, `${groupB.base}/${id}${action}`, owner, body)
      // Soft, so that a failure names every way in rather than the first one.
      expect.soft(response.statusCode, `${method} ${action}: ${response.body}`).toBe(404)
      expect.soft(response.json().error?.code, `${method} ${action}`).toBe('SESSION_NOT_FOUND')
    }
    expect({ planned: await snapshot(planned.id), running: await snapshot(running.id) }).toEqual(
      before,
    )
  })
})
