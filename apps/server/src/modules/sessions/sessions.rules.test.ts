import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { questionSets } from '../../db/schema/quizzes.ts'
import { groupQuizSessions } from '../../db/schema/sessions.ts'
import { HOUR, inHours, manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import {
  createTestApp,
  sampleLoop,
  sampleQuestions,
  share,
  type TestUser,
} from '../../test/test-app.ts'

// The rules of issue "Rules that hold": ending ends, membership ends access, approvals cannot be
// bypassed, series change by scope, and a few holes closed. Every time is derived from the clock.

const app = await createTestApp()
const { call, setUpGroup } = sessionFixtures(app)
const manual = manualSource

/** A group whose members may schedule sessions, with the settings given on top. */
const setUp = (settings: object = {}, timezone = 'Europe/Paris') =>
  setUpGroup({ session_creation_permission: 'all_members', ...settings }, timezone)

async function rowOf(sessionId: string) {
  const [row] = await app.db
    .select()
    .from(groupQuizSessions)
    .where(eq(groupQuizSessions.id, sessionId))
  if (!row) throw new Error(`no session ${sessionId}`)
  return row
}

/** Moves a session's planned times into the past, as the passing of time would. */
async function letStartPass(sessionId: string) {
  const past = new Date(Date.now() - 60_000)
  await app.db
    .update(groupQuizSessions)
    .set({ scheduledAt: past, endsAt: new Date(past.getTime() + HOUR) })
    .where(eq(groupQuizSessions.id, sessionId))
}

/** A right answer to each of the sample questions, by position. */
const responses = ['mars', ['r', 'g', 'b'], true, 'Paris']

async function joinAndAnswer(base: string, sessionId: string, user: TestUser) {
  const attempt = (await call('POST', `${base}/${sessionId}/join`, user)).json()
  const detail = (await call('GET', `${base}/${sessionId}`, user)).json()
  const answer = (name: string, index = 2) =>
    call('POST', `/api/attempts/${attempt.id}/answers`, user, {
      clientAnswerId: `answer-${name}`,
      questionId: detail.questions[index].id,
      response: responses[index],
    })
  return { attempt, detail, answer }
}

describe('"End" ends', () => {
  it('refuses answers from a member already in the session once the host ends it', async () => {
    const { owner, member, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const { answer } = await joinAndAnswer(base, session.id, member)
    expect((await answer('before-end')).statusCode).toBe(200)
    const ended = (await call('POST', `${base}/${session.id}/end`, owner)).json()
    expect(ended).toMatchObject({ status: 'completed', lateUntil: null })
    expect(ended.capabilities.canJoin).toBe(false)
    // The planned end is still ahead, and yet nothing more is taken.
    expect(Date.parse(ended.endsAt)).toBeGreaterThan(Date.now())
    const refused = await answer('after-end', 3)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({
      code: 'SESSION_NOT_OPEN',
      message: expect.stringMatching(/^This session ended at .*; it takes no more answers\.$/),
    })
    expect((await call('POST', `${base}/${session.id}/join`, owner)).statusCode).toBe(409)
  })

  it('takes answers in the late window only, marks them late, and closes when the host closes it', async () => {
    const { owner, member, admin, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const early = await joinAndAnswer(base, session.id, admin)
    await call('POST', `${base}/${session.id}/end`, owner)
    expect((await early.answer('after-end')).json().error.code).toBe('SESSION_NOT_OPEN')

    const past = await call('PUT', `${base}/${session.id}/late-window`, owner, {
      lateUntil: inHours(-1),
    })
    expect(past.statusCode).toBe(400)
    expect(past.json().error.details).toEqual([
      { path: 'body.lateUntil', message: 'must be in the future' },
    ])
    const tooLong = await call('PUT', `${base}/${session.id}/late-window`, owner, {
      lateUntil: inHours(24 * 40),
    })
    expect(tooLong.statusCode).toBe(400)
    const byMember = await call('PUT', `${base}/${session.id}/late-window`, member, {
      lateUntil: inHours(2),
    })
    expect(byMember.statusCode).toBe(403)

    const opened = await call('PUT', `${base}/${session.id}/late-window`, owner, {
      lateUntil: inHours(2),
    })
    expect(opened.statusCode).toBe(200)
    expect(opened.json().capabilities.canJoin).toBe(true)
    const late = await joinAndAnswer(base, session.id, member)
    expect((await late.answer('late-1')).statusCode).toBe(200)
    expect((await early.answer('late-by-early-joiner')).statusCode).toBe(200)
    const participants = (await call('GET', `${base}/${session.id}/participants`, owner)).json()
      .items as { name: string; late: boolean }[]
    expect(Object.fromEntries(participants.map((p) => [p.name, p.late]))).toEqual({
      Member: true,
      Admin: true,
    })

    const closed = await call('PUT', `${base}/${session.id}/late-window`, owner, {
      lateUntil: null,
    })
    expect(closed.json()).toMatchObject({ lateUntil: null, capabilities: { canJoin: false } })
    expect((await late.answer('late-2', 3)).json().error.code).toBe('SESSION_NOT_OPEN')
  })

  it('lets a late window be set ahead for a scheduled session and refuses it on a cancelled one', async () => {
    const { owner, base } = await setUp()
    const session = (
      await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(2), source: manual })
    ).json()
    const ahead = await call('PUT', `${base}/${session.id}/late-window`, owner, {
      lateUntil: inHours(30),
    })
    expect(ahead.statusCode).toBe(200)
    const beforeEnd = await call('PUT', `${base}/${session.id}/late-window`, owner, {
      lateUntil: inHours(2.5),
    })
    expect(beforeEnd.json().error.details[0]).toEqual({
      path: 'body.lateUntil',
      message: 'must be after the session ends',
    })
    await call('DELETE', `${base}/${session.id}`, owner)
    const cancelled = await call('PUT', `${base}/${session.id}/late-window`, owner, {
      lateUntil: inHours(30),
    })
    expect(cancelled.statusCode).toBe(409)
  })

  it('cancels a request still waiting for approval when its start comes, and never starts it on a late approval', async () => {
    const { owner, member, base } = await setUp({ session_approval_required: true })
    const swept = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(3), source: manual })
    ).json()
    const lateApproval = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(4), source: manual })
    ).json()
    expect(swept.status).toBe('pending_approval')
    await letStartPass(swept.id)
    await app.services.sessions.sweep()
    const expired = (await call('GET', `${base}/${swept.id}`, member)).json()
    expect(expired).toMatchObject({ status: 'cancelled', cancelReason: 'not_approved_in_time' })

    // Approved after its start but before any job noticed: it expires instead of starting.
    await letStartPass(lateApproval.id)
    const approval = await call('POST', `${base}/${lateApproval.id}/approve`, owner)
    expect(approval.statusCode).toBe(409)
    expect(approval.json().error.message).toMatch(/not approved in time/)
    expect(await rowOf(lateApproval.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'not_approved_in_time',
      startedAt: null,
    })
  })
})

describe('membership ends access', () => {
  it('refuses answers, finishing and the attempt to a member removed mid-session', async () => {
    const { owner, member, group, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const { attempt, answer } = await joinAndAnswer(base, session.id, member)
    expect((await answer('a-1')).statusCode).toBe(200)
    await call('DELETE', `/api/groups/${group.id}/members/${member.id}`, owner)

    const refused = await answer('a-2', 3)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('NO_LONGER_A_MEMBER')
    expect((await call('POST', `/api/attempts/${attempt.id}/finish`, member)).statusCode).toBe(403)
    expect((await call('GET', `/api/attempts/${attempt.id}`, member)).statusCode).toBe(403)
    // An unfinished run of someone who left is not part of the group's comparison.
    const participants = (await call('GET', `${base}/${session.id}/participants`, owner)).json()
    expect(participants.items).toEqual([])
  })

  it('keeps the finished result of a member who left, marked as having left the group', async () => {
    const { owner, member, admin, group, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const { attempt, answer } = await joinAndAnswer(base, session.id, member)
    await answer('a-1')
    await call('POST', `/api/attempts/${attempt.id}/finish`, member)
    await joinAndAnswer(base, session.id, admin)
    await call('POST', `/api/groups/${group.id}/leave`, member)

    const results = (await call('GET', `${base}/${session.id}/results`, owner)).json()
    expect(
      results.participants.map((p: { name: string; leftGroup: boolean }) => [p.name, p.leftGroup]),
    ).toEqual([
      ['Member', true],
      ['Admin', false],
    ])
  })

  it('cancels the sessions of a deleted group, and their jobs then do nothing', async () => {
    const { owner, group, base } = await setUp()
    const active = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const planned = (
      await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(3), source: manual })
    ).json()
    expect((await call('DELETE', `/api/groups/${group.id}`, owner)).statusCode).toBe(204)
    for (const id of [active.id, planned.id]) {
      expect(await rowOf(id)).toMatchObject({ status: 'cancelled', cancelReason: 'group_deleted' })
    }
    await letStartPass(planned.id)
    expect(await app.services.sessions.startDue(planned.id)).toBeNull()
    expect(await app.services.sessions.completeDue(active.id)).toBeNull()
    expect((await rowOf(planned.id)).status).toBe('cancelled')
  })
})

describe('approvals cannot be bypassed', () => {
  it('sends an approved session back for approval when its member creator changes its time or duration', async () => {
    const { owner, member, base } = await setUp({ session_approval_required: true })
    const session = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(5), source: manual })
    ).json()
    expect(session.capabilities.timeChangeNeedsApproval).toBe(true)
    await call('POST', `${base}/${session.id}/approve`, owner)

    const renamed = (
      await call('PUT', `${base}/${session.id}`, member, { title: 'Renamed' })
    ).json()
    expect(renamed).toMatchObject({ status: 'scheduled', title: 'Renamed' })
    const longer = (
      await call('PUT', `${base}/${session.id}`, member, { durationMinutes: 90 })
    ).json()
    expect(longer).toMatchObject({ status: 'pending_approval', approvedBy: null })
    await call('POST', `${base}/${session.id}/approve`, owner)
    const moved = (
      await call('PUT', `${base}/${session.id}`, member, { scheduledAt: inHours(6) })
    ).json()
    expect(moved.status).toBe('pending_approval')

    // An owner's change of time needs nobody's approval.
    await call('POST', `${base}/${session.id}/approve`, owner)
    const byOwner = (
      await call('PUT', `${base}/${session.id}`, owner, { scheduledAt: inHours(7) })
    ).json()
    expect(byOwner.status).toBe('scheduled')
    expect(byOwner.capabilities.timeChangeNeedsApproval).toBe(false)
  })

  it('does not let a member who needs approval start a session early or instantly', async () => {
    const { owner, member, base } = await setUp({ session_approval_required: true })
    const session = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(5), source: manual })
    ).json()
    await call('POST', `${base}/${session.id}/approve`, owner)
    const early = await call('POST', `${base}/${session.id}/start`, member)
    expect(early.statusCode).toBe(403)
    expect(early.json().error.code).toBe('APPROVAL_REQUIRED')
    expect((await rowOf(session.id)).status).toBe('scheduled')

    const instant = await call('POST', `${base}/create-instant`, member, { source: manual })
    expect(instant.statusCode).toBe(403)
    expect(instant.json().error).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      message: expect.stringMatching(/Schedule the session instead/),
    })
    const fromExtension = await call('POST', '/api/extension/create-group-session', member, {
      groupId: session.groupId,
      loop: sampleLoop,
      questions: sampleQuestions,
    })
    expect(fromExtension.json().error.code).toBe('APPROVAL_REQUIRED')
    expect((await call('POST', `${base}/${session.id}/start`, owner)).statusCode).toBe(200)
  })

  it('holds a member starting early to the notice and slots, and lets owners and admins start any time', async () => {
    const { owner, admin, member, base } = await setUp({ advance_notice_hours: 2 })
    const session = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(5), source: manual })
    ).json()
    const early = await call('POST', `${base}/${session.id}/start`, member)
    expect(early.statusCode).toBe(422)
    expect(early.json().error.message).toMatch(/2 hours' notice/)
    expect((await call('POST', `${base}/${session.id}/start`, admin)).statusCode).toBe(200)
    expect(owner.id).toBeTruthy()
  })

  it('holds instant sessions by members to the allowed time slots, not owners and admins', async () => {
    // A slot that is never now: one minute long, twelve hours away on the group's clock.
    const clock = new Date(Date.now() + 12 * HOUR)
    const hh = String(clock.getUTCHours()).padStart(2, '0')
    const slot = { start: `${hh}:00`, end: `${hh}:01` }
    const { owner, admin, member, base } = await setUp({ allowed_time_slots: [slot] }, 'UTC')
    const byMember = await call('POST', `${base}/create-instant`, member, { source: manual })
    expect(byMember.statusCode).toBe(422)
    expect(byMember.json().error.message).toMatch(/allowed times/)
    expect(
      (await call('POST', `${base}/create-instant`, admin, { source: manual })).statusCode,
    ).toBe(201)
    expect(
      (await call('POST', `${base}/create-instant`, owner, { source: manual })).statusCode,
    ).toBe(201)
  })

  it('gives occurrences added to an approved series its approval, and checks them against the slots as they are then', async () => {
    const { owner, member, group, base } = await setUp({ session_approval_required: true }, 'UTC')
    const start = new Date(Date.now() + 30 * HOUR)
    start.setUTCMinutes(0, 0, 0)
    const first = (
      await call('POST', `${base}/schedule`, member, {
        scheduledAt: start.toISOString(),
        recurrenceRule: 'FREQ=WEEKLY',
        source: manual,
      })
    ).json()
    await call('POST', `${base}/${first.id}/approve`, owner)
    const listAll = async () =>
      (await call('GET', `${base}?seriesId=${first.id}&order=soonest&limit=50`, owner)).json()
        .items as { id: string; status: string; cancelReason: string | null }[]
    const created = await listAll()
    expect(created.every((s) => s.status === 'scheduled')).toBe(true)
    for (const session of created.slice(2)) {
      await app.db.delete(groupQuizSessions).where(eq(groupQuizSessions.id, session.id))
    }
    expect(await app.services.sessions.extendSeries()).toBe(created.length - 2)
    expect((await listAll()).every((s) => s.status === 'scheduled')).toBe(true)

    // The group then allows only another hour of the day: later occurrences do not fit.
    const otherHour = String((start.getUTCHours() + 3) % 24).padStart(2, '0')
    await call('PUT', `/api/groups/${group.id}/settings`, owner, {
      session_creation_permission: 'all_members',
      session_approval_required: true,
      allowed_time_slots: [{ start: `${otherHour}:00`, end: `${otherHour}:59` }],
    })
    for (const session of (await listAll()).slice(2)) {
      await app.db.delete(groupQuizSessions).where(eq(groupQuizSessions.id, session.id))
    }
    await app.services.sessions.extendSeries()
    const later = (await listAll()).slice(2)
    expect(later.length).toBeGreaterThan(0)
    expect(
      later.every((s) => s.status === 'cancelled' && s.cancelReason === 'outside_allowed_times'),
    ).toBe(true)
  })
})

describe('series', () => {
  async function weekly(count = 6, owner?: TestUser) {
    const setup = await setUp({}, 'Europe/Paris')
    const by = owner ?? setup.owner
    const first = new Date(Date.now() + 30 * HOUR)
    first.setUTCMinutes(0, 0, 0)
    const head = (
      await call('POST', `${setup.base}/schedule`, by, {
        scheduledAt: first.toISOString(),
        recurrenceRule: `FREQ=WEEKLY;COUNT=${count}`,
        source: manual,
      })
    ).json()
    const occurrences = async () =>
      (await call('GET', `${setup.base}?type=recurring&order=soonest&limit=50`, setup.owner)).json()
        .items as {
        id: string
        status: string
        scheduledAt: string
        seriesId: string
        recurrenceRule: string
        title: string
      }[]
    return { ...setup, head, occurrences }
  }

  it('cancels one occurrence alone, and the series goes on growing', async () => {
    const { owner, base } = await setUp()
    const first = (
      await call('POST', `${base}/schedule`, owner, {
        scheduledAt: inHours(30),
        recurrenceRule: 'FREQ=WEEKLY',
        source: manual,
      })
    ).json()
    const list = async () =>
      (await call('GET', `${base}?seriesId=${first.id}&order=soonest&limit=50`, owner)).json()
        .items as { id: string; status: string }[]
    const all = await list()
    const latest = all.at(-1)
    if (!latest) throw new Error('no occurrences')
    await call('DELETE', `${base}/${latest.id}?scope=this`, owner)
    const after = await list()
    expect(after.filter((s) => s.status === 'cancelled').map((s) => s.id)).toEqual([latest.id])
    // Forget the earlier half: the series re-grows past the cancelled occurrence.
    for (const session of all.slice(3, -1)) {
      await app.db.delete(groupQuizSessions).where(eq(groupQuizSessions.id, session.id))
    }
    await app.db.delete(groupQuizSessions).where(eq(groupQuizSessions.id, latest.id))
    expect(await app.services.sessions.extendSeries()).toBe(all.length - 3)
  })

  it('cancels this and the following occurrences, cutting the rule, and keeps the earlier ones', async () => {
    const { owner, base, occurrences } = await weekly(6)
    const before = await occurrences()
    const third = before[2]
    if (!third) throw new Error('no third occurrence')
    const response = await call('DELETE', `${base}/${third.id}?scope=following`, owner)
    expect(response.statusCode).toBe(200)
    const after = await occurrences()
    expect(after.map((s) => s.status)).toEqual([
      'scheduled',
      'scheduled',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ])
    expect(new Set(after.map((s) => s.recurrenceRule))).toEqual(
      new Set([expect.stringMatching(/^FREQ=WEEKLY;UNTIL=\d{8}T\d{6}Z$/)]),
    )
    expect(await app.services.sessions.extendSeries()).toBe(0)
  })

  it('cancels the whole series from any occurrence', async () => {
    const { owner, base, occurrences } = await weekly(4)
    const second = (await occurrences())[1]
    await call('DELETE', `${base}/${second?.id}?scope=all`, owner)
    expect((await occurrences()).map((s) => s.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ])
  })

  it('moves this and the following occurrences to a new time as a new series, at the same wall-clock time each week', async () => {
    const { owner, base, head, occurrences } = await weekly(6)
    const before = await occurrences()
    const third = before[2]
    if (!third) throw new Error('no third occurrence')
    const moved = new Date(Date.parse(third.scheduledAt) + HOUR).toISOString()
    const response = await call('PUT', `${base}/${third.id}`, owner, {
      scheduledAt: moved,
      title: 'Later',
      scope: 'following',
    })
    expect(response.statusCode).toBe(200)
    const after = await occurrences()
    expect(after.slice(0, 2).map((s) => [s.scheduledAt, s.seriesId, s.title])).toEqual(
      before.slice(0, 2).map((s) => [s.scheduledAt, head.id, s.title]),
    )
    const wallClock = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso))
    const newTime = wallClock(moved)
    expect(after.slice(2).map((s) => [wallClock(s.scheduledAt), s.seriesId, s.title])).toEqual(
      after.slice(2).map(() => [newTime, third.id, 'Later']),
    )
    expect(after[0]?.recurrenceRule).toMatch(/UNTIL=/)
    expect(after[2]?.recurrenceRule).toBe('FREQ=WEEKLY;COUNT=4')
  })

  it('edits the title of every occurrence still to come with scope all', async () => {
    const { owner, base, occurrences } = await weekly(3)
    const last = (await occurrences())[2]
    await call('PUT', `${base}/${last?.id}`, owner, { title: 'Everywhere', scope: 'all' })
    expect((await occurrences()).map((s) => s.title)).toEqual([
      'Everywhere',
      'Everywhere',
      'Everywhere',
    ])
  })

  it('lists a series as one row with its next occurrence and counts, soonest first', async () => {
    const { owner, base, head } = await weekly(5)
    const single = (
      await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(2), source: manual })
    ).json()
    await call('DELETE', `${base}/${head.id}?scope=this`, owner)
    const rows = (await call('GET', `${base}?collapseSeries=true&order=soonest`, owner)).json()
      .items as { id: string; seriesId: string | null; series: object | null }[]
    expect(rows.map((row) => row.id)).toEqual([single.id, expect.any(String)])
    expect(rows[1]).toMatchObject({
      seriesId: head.id,
      series: { occurrenceCount: 5, upcomingCount: 4, completedCount: 0 },
    })
    expect(rows[1]?.id).not.toBe(head.id)
    expect(rows[0]?.series).toBeNull()
  })
})

describe('smaller holes', () => {
  it('refuses an expired share link as a session source', async () => {
    const { owner, base } = await setUp()
    const link = await share(app, owner, { expiresInHours: 1 })
    await app.db
      .update(questionSets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(questionSets.token, link.token))
    const response = await call('POST', `${base}/create-instant`, owner, {
      source: { kind: 'share', token: link.token },
    })
    expect(response.json().error.code).toBe('SHARE_EXPIRED')
  })

  it('refuses a share link its author turned off as a session source', async () => {
    const { owner, base } = await setUp()
    const link = await share(app, owner)
    await app.db
      .update(questionSets)
      .set({ disabledAt: new Date() })
      .where(eq(questionSets.token, link.token))
    const response = await call('POST', `${base}/create-instant`, owner, {
      source: { kind: 'share', token: link.token },
    })
    expect(response.statusCode).toBe(410)
    expect(response.json().error.code).toBe('SHARE_DISABLED')
  })

  it("keeps a shared link's answer-key policy in the session made from it", async () => {
    const { owner, member, base } = await setUp()
    const link = await share(app, owner, { showAnswers: 'never' })
    const session = (
      await call('POST', `${base}/create-instant`, owner, {
        source: { kind: 'share', token: link.token },
      })
    ).json()
    const attempt = (await call('POST', `${base}/${session.id}/join`, member)).json()
    expect(attempt.showAnswers).toBe('never')
  })

  it('refuses a session planned more than two years ahead, naming the field', async () => {
    const { owner, base } = await setUp()
    for (const scheduledAt of ['9999-01-01T00:00:00Z', inHours(24 * 800)]) {
      const response = await call('POST', `${base}/schedule`, owner, {
        scheduledAt,
        source: manual,
      })
      expect(response.statusCode).toBe(422)
      expect(response.json().error.details).toEqual([
        { path: 'body.scheduledAt', message: expect.stringMatching(/up to two years ahead/) },
      ])
    }
  })
})
