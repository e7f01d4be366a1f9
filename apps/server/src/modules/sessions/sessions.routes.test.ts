import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { groupQuizSessions } from '../../db/schema/sessions.ts'
import {
  iso,
  nextOffsetChange,
  nextWeekdayAt,
  TUESDAY,
  WEDNESDAY,
  weekdayBefore,
  weekdayFrom,
} from '../../test/dates.ts'
import { HOUR, inHours, manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp, sampleLoop, sampleQuestions, type TestUser } from '../../test/test-app.ts'

const app = await createTestApp()
const { call, setUpGroup: setUp } = sessionFixtures(app)
const PARIS = 'Europe/Paris'
const manual = manualSource

describe('instant sessions', () => {
  it('lets any member start one by default; it is active at once with a join link', async () => {
    const { member, base, group } = await setUp()
    const response = await call('POST', `${base}/create-instant`, member, {
      title: 'Quick check',
      source: manual,
    })
    expect(response.statusCode).toBe(201)
    const session = response.json()
    expect(session).toMatchObject({
      sessionType: 'instant',
      status: 'active',
      mode: 'self_paced',
      title: 'Quick check',
      groupName: 'Class',
      questionCount: 4,
      totalPoints: 5,
      createdBy: { id: member.id, name: 'Member' },
    })
    expect(session.joinUrl).toBe(
      `http://localhost:3000/questions/${session.shareToken}?groupId=${group.id}&sessionId=${session.id}`,
    )
    expect(Date.parse(session.endsAt) - Date.parse(session.startedAt)).toBe(60 * 60_000)
  })

  it('follows instant_session_permission, and hides the group from non-members', async () => {
    const { member, admin, outsider, owner, group, base } = await setUp({
      instant_session_permission: 'admin',
    })
    expect(
      (await call('POST', `${base}/create-instant`, member, { source: manual })).statusCode,
    ).toBe(403)
    expect(
      (await call('POST', `${base}/create-instant`, admin, { source: manual })).statusCode,
    ).toBe(201)
    expect(
      (await call('POST', `${base}/create-instant`, outsider, { source: manual })).statusCode,
    ).toBe(404)
    expect((await call('GET', base, outsider)).statusCode).toBe(404)
    expect((await call('GET', base, null)).statusCode).toBe(401)
    await call('PUT', `/api/groups/${group.id}/settings`, owner, {
      instant_session_permission: 'owner',
    })
    expect(
      (await call('POST', `${base}/create-instant`, admin, { source: manual })).statusCode,
    ).toBe(403)
  })
})

describe('scheduled sessions', () => {
  it('follows session_creation_permission (owner and admins by default)', async () => {
    const { member, admin, base } = await setUp()
    const body = { title: 'Planned', scheduledAt: inHours(2), source: manual }
    const refused = await call('POST', `${base}/schedule`, member, body)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.message).toMatch(/does not let you schedule/)
    const created = await call('POST', `${base}/schedule`, admin, body)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({
      status: 'scheduled',
      sessionType: 'scheduled',
      icsSequence: 0,
    })
  })

  it('waits for approval when a plain member schedules in a group that requires it', async () => {
    const { member, admin, base } = await setUp({
      session_creation_permission: 'all_members',
      session_approval_required: true,
    })
    const session = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(2), source: manual })
    ).json()
    expect(session.status).toBe('pending_approval')
    expect(session.capabilities).toMatchObject({ canApprove: false, canCancel: true })
    expect((await call('POST', `${base}/${session.id}/approve`, member)).statusCode).toBe(403)
    const approved = await call('POST', `${base}/${session.id}/approve`, admin)
    expect(approved.json()).toMatchObject({ status: 'scheduled', approvedBy: { id: admin.id } })
    const again = await call('POST', `${base}/${session.id}/approve`, admin)
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: 'This session is scheduled, so it cannot be approved.',
    })
    const byAdmin = (
      await call('POST', `${base}/schedule`, admin, { scheduledAt: inHours(3), source: manual })
    ).json()
    expect(byAdmin.status).toBe('scheduled')
  })

  it('rejects a pending session into cancelled', async () => {
    const { member, owner, base } = await setUp({
      session_creation_permission: 'all_members',
      session_approval_required: true,
    })
    const session = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(2), source: manual })
    ).json()
    const rejected = await call('POST', `${base}/${session.id}/reject`, owner)
    expect(rejected.json().status).toBe('cancelled')
  })

  it('enforces advance notice', async () => {
    const { owner, base } = await setUp({ advance_notice_hours: 24 })
    const soon = await call('POST', `${base}/schedule`, owner, {
      scheduledAt: inHours(2),
      source: manual,
    })
    expect(soon.statusCode).toBe(422)
    expect(soon.json().error).toMatchObject({ code: 'SCHEDULE_NOT_ALLOWED' })
    expect(soon.json().error.message).toMatch(/24 hours' notice/)
    expect(
      (await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(25), source: manual }))
        .statusCode,
    ).toBe(201)
    const past = await call('POST', `${base}/schedule`, owner, {
      scheduledAt: inHours(-1),
      source: manual,
    })
    expect(past.statusCode).toBe(422)
  })

  it('checks allowed time slots in the group time zone, across a DST change', async () => {
    const { owner, base } = await setUp({
      allowed_time_slots: [{ days: [2, 4], start: '18:00', end: '20:00' }],
    })
    // The Tuesdays just before and after Paris moves to summer time: 18:00 local is an hour
    // earlier in UTC after the change, and 20:00 local after it would be 19:00 before it.
    const tuesday = nextWeekdayAt(TUESDAY, '18:00', PARIS)
    const spring = nextOffsetChange(PARIS, 'spring')
    const beforeChange = weekdayBefore(TUESDAY, '18:00', spring)
    const afterChange = weekdayFrom(TUESDAY, '18:00', spring)
    for (const at of [tuesday, beforeChange, afterChange].map(iso)) {
      const ok = await call('POST', `${base}/schedule`, owner, {
        scheduledAt: at,
        durationMinutes: 60,
        source: manual,
      })
      expect(ok.statusCode, `${at}: ${ok.body}`).toBe(201)
    }
    const outside = [
      tuesday.set({ hour: 17 }),
      nextWeekdayAt(WEDNESDAY, '18:00', PARIS),
      afterChange.set({ hour: 20 }),
    ]
    for (const at of outside.map(iso)) {
      const refused = await call('POST', `${base}/schedule`, owner, {
        scheduledAt: at,
        source: manual,
      })
      expect(refused.statusCode, at).toBe(422)
      expect(refused.json().error.message).toMatch(/Tue, Thu 18:00–20:00/)
    }
    const tooLong = await call('POST', `${base}/schedule`, owner, {
      scheduledAt: iso(tuesday.set({ hour: 19, minute: 30 })),
      durationMinutes: 60,
      source: manual,
    })
    expect(tooLong.statusCode).toBe(422)
  })

  it('materialises a weekly series at the same local time across the DST change', async () => {
    const { owner, base } = await setUp()
    // Tuesdays and Thursdays at 18:00 in Paris, from two weeks before winter time starts:
    // four occurrences on summer time, then two on winter time, an hour later in UTC.
    const autumn = nextOffsetChange(PARIS, 'autumn')
    const start = weekdayBefore(TUESDAY, '18:00', autumn).minus({ weeks: 1 })
    const first = (
      await call('POST', `${base}/schedule`, owner, {
        title: 'Evening drill',
        scheduledAt: iso(start),
        recurrenceRule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=6',
        source: manual,
      })
    ).json()
    expect(first).toMatchObject({ sessionType: 'recurring', seriesId: first.id })
    const list = (await call('GET', `${base}?type=recurring&order=soonest&limit=50`, owner)).json()
    expect(list.items.map((s: { scheduledAt: string }) => s.scheduledAt)).toEqual(
      [0, 2, 7, 9, 14, 16].map((days) => iso(start.plus({ days }))),
    )
    expect(new Set(list.items.map((s: { seriesId: string }) => s.seriesId))).toEqual(
      new Set([first.id]),
    )
    const bad = await call('POST', `${base}/schedule`, owner, {
      scheduledAt: inHours(5),
      recurrenceRule: 'FREQ=MINUTELY',
      source: manual,
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('INVALID_RECURRENCE')
  })

  it('keeps an open-ended weekly series materialised ahead', async () => {
    const { owner, base } = await setUp({}, 'America/New_York')
    const first = (
      await call('POST', `${base}/schedule`, owner, {
        scheduledAt: inHours(30),
        recurrenceRule: 'FREQ=WEEKLY',
        source: manual,
      })
    ).json()
    const listAll = async () =>
      (await call('GET', `${base}?type=recurring&order=soonest&limit=50`, owner)).json().items as {
        id: string
        scheduledAt: string
      }[]
    const created = await listAll()
    // Eight weeks ahead: the first occurrence and the weekly ones after it.
    expect(created.length).toBeGreaterThanOrEqual(8)
    expect(created.length).toBeLessThanOrEqual(9)
    // Forget the later half, as if the series had been materialised only that far.
    const kept = created.slice(0, 3)
    for (const session of created.slice(3)) {
      await app.db.delete(groupQuizSessions).where(eq(groupQuizSessions.id, session.id))
    }
    const added = await app.services.sessions.extendSeries()
    expect(added).toBe(created.length - 3)
    const extended = await listAll()
    expect(extended.map((s) => s.scheduledAt)).toEqual(created.map((s) => s.scheduledAt))
    expect(extended.slice(0, 3).map((s) => s.id)).toEqual(kept.map((s) => s.id))
    expect(await app.services.sessions.extendSeries()).toBe(0)
    expect(first.seriesId).toBe(first.id)
  })

  it('reschedules, bumping the calendar sequence, and refuses to edit a started session', async () => {
    const { owner, member, base } = await setUp()
    const session = (
      await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(2), source: manual })
    ).json()
    const moved = await call('PUT', `${base}/${session.id}`, owner, {
      scheduledAt: inHours(5),
      title: 'Moved',
    })
    expect(moved.statusCode).toBe(200)
    expect(moved.json()).toMatchObject({ title: 'Moved', icsSequence: 1 })
    expect(Date.parse(moved.json().endsAt) - Date.parse(moved.json().scheduledAt)).toBe(HOUR)
    expect((await call('PUT', `${base}/${session.id}`, member, { title: 'Mine' })).statusCode).toBe(
      403,
    )
    await call('POST', `${base}/${session.id}/start`, owner)
    const late = await call('PUT', `${base}/${session.id}`, owner, { title: 'Too late' })
    expect(late.statusCode).toBe(409)
  })
})

describe('state transitions', () => {
  it('refuses each illegal transition with 409 and a clear message', async () => {
    const { owner, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const url = `${base}/${session.id}`
    expect((await call('POST', `${url}/start`, owner)).json().error.message).toBe(
      'This session is running, so it cannot be started.',
    )
    expect((await call('POST', `${url}/end`, owner)).json().status).toBe('completed')
    for (const [method, path, message] of [
      ['DELETE', '', 'This session is over, so it cannot be cancelled.'],
      ['POST', '/end', 'This session is over, so it cannot be ended.'],
      ['POST', '/approve', 'This session is over, so it cannot be approved.'],
    ] as const) {
      const response = await call(method, `${url}${path}`, owner)
      expect(response.statusCode).toBe(409)
      expect(response.json().error).toEqual({ code: 'ILLEGAL_TRANSITION', message })
    }
  })

  it('lets the creator, owner and admins cancel, but not other members', async () => {
    const { owner, admin, member, base } = await setUp()
    const byOwner = (
      await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(2), source: manual })
    ).json()
    expect((await call('DELETE', `${base}/${byOwner.id}`, member)).statusCode).toBe(403)
    const cancelled = await call('DELETE', `${base}/${byOwner.id}`, admin)
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', icsSequence: 1 })
    const mine = (await call('POST', `${base}/create-instant`, member, { source: manual })).json()
    expect((await call('DELETE', `${base}/${mine.id}`, member)).json().status).toBe('cancelled')
  })

  it('lets exactly one of a concurrent end and cancel win, and one of two starts', async () => {
    const { owner, admin, base } = await setUp()
    for (let round = 0; round < 3; round++) {
      const session = (
        await call('POST', `${base}/create-instant`, owner, { source: manual })
      ).json()
      const [end, cancel] = await Promise.all([
        call('POST', `${base}/${session.id}/end`, owner),
        call('DELETE', `${base}/${session.id}`, admin),
      ])
      expect([end.statusCode, cancel.statusCode].sort()).toEqual([200, 409])
      const [row] = await app.db
        .select()
        .from(groupQuizSessions)
        .where(eq(groupQuizSessions.id, session.id))
      expect(row?.status).toBe(end.statusCode === 200 ? 'completed' : 'cancelled')

      const planned = (
        await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(2), source: manual })
      ).json()
      const starts = await Promise.all([
        call('POST', `${base}/${planned.id}/start`, owner),
        call('POST', `${base}/${planned.id}/start`, admin),
      ])
      expect(starts.map((r) => r.statusCode).sort()).toEqual([200, 409])
    }
  })
})

describe('listing', () => {
  it('filters by status, type, creator and dates, and pages with a cursor', async () => {
    const { owner, admin, member, base } = await setUp()
    await call('POST', `${base}/create-instant`, member, {
      title: 'instant by member',
      source: manual,
    })
    for (const hours of [2, 4, 6]) {
      await call('POST', `${base}/schedule`, admin, {
        title: `in ${hours}h`,
        scheduledAt: inHours(hours),
        source: manual,
      })
    }
    const cancelled = (
      await call('POST', `${base}/schedule`, owner, {
        title: 'cancelled',
        scheduledAt: inHours(8),
        source: manual,
      })
    ).json()
    await call('DELETE', `${base}/${cancelled.id}`, owner)

    const titles = async (query: string) =>
      (await call('GET', `${base}?${query}`, member))
        .json()
        .items.map((s: { title: string }) => s.title)
    expect(await titles('status=active')).toEqual(['instant by member'])
    expect(await titles('status=cancelled')).toEqual(['cancelled'])
    expect(await titles('type=scheduled&status=scheduled&order=soonest')).toEqual([
      'in 2h',
      'in 4h',
      'in 6h',
    ])
    expect(await titles(`createdBy=${admin.id}&order=soonest`)).toEqual(['in 2h', 'in 4h', 'in 6h'])
    expect(
      await titles(
        `from=${encodeURIComponent(inHours(3))}&to=${encodeURIComponent(inHours(7))}&order=soonest`,
      ),
    ).toEqual(['in 4h', 'in 6h'])
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const query: string = `order=soonest&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await call('GET', `${base}?${query}`, member)).json() as {
        items: { title: string }[]
        nextCursor: string | null
      }
      seen.push(...page.items.map((s) => s.title))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(['instant by member', 'in 2h', 'in 4h', 'in 6h', 'cancelled'])
  })
})

describe('taking a session', () => {
  it('keeps its question snapshot when the source loop changes later', async () => {
    const { owner, base } = await setUp()
    const loop = (
      await call('POST', '/api/loops', owner, {
        ...sampleLoop,
        videoTitle: 'Original',
        questions: sampleQuestions,
      })
    ).json()
    const session = (
      await call('POST', `${base}/create-instant`, owner, {
        source: { kind: 'loop', loopId: loop.id },
      })
    ).json()
    expect(session.extensionLoopId).toBe(loop.clientId)
    await call('PATCH', `/api/loops/${loop.id}`, owner, {
      videoTitle: 'Edited',
      questions: [{ type: 'true_false', prompt: 'Changed?', correct: true }],
    })
    const detail = (await call('GET', `${base}/${session.id}`, owner)).json()
    expect(detail.loop.videoTitle).toBe('Original')
    expect(detail.questions).toHaveLength(4)
    expect(JSON.stringify(detail.questions)).not.toContain('"correct"')
  })

  it('records members’ answers into the session and compares results', async () => {
    const { owner, member, admin, outsider, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const detail = (await call('GET', `${base}/${session.id}`, member)).json()

    async function take(user: TestUser, responses: unknown[]) {
      const attempt = (await call('POST', `${base}/${session.id}/join`, user)).json()
      for (const [index, response] of responses.entries()) {
        await call('POST', `/api/attempts/${attempt.id}/answers`, user, {
          clientAnswerId: `${user.id}-${index}-answer`,
          questionId: detail.questions[index].id,
          response,
        })
      }
      return (await call('POST', `/api/attempts/${attempt.id}/finish`, user)).json()
    }
    expect((await take(member, ['mars', ['r', 'g', 'b'], true, 'Paris'])).score).toBe(5)
    expect((await take(admin, ['venus', ['r'], true])).score).toBe(1)
    const rejoin = (await call('POST', `${base}/${session.id}/join`, member)).json()
    expect(rejoin.status).toBe('finished')
    expect((await call('POST', `${base}/${session.id}/join`, outsider)).statusCode).toBe(404)
    expect((await call('GET', `/api/questions/${session.shareToken}`, outsider)).statusCode).toBe(
      404,
    )
    expect((await call('GET', `/api/questions/${session.shareToken}`, member)).statusCode).toBe(200)

    const results = (await call('GET', `${base}/${session.id}/results`, owner)).json()
    expect(results).toMatchObject({ totalPoints: 5, memberCount: 3, averageScore: 3 })
    expect(
      results.participants.map((p: { name: string; rank: number; score: number }) => [
        p.name,
        p.rank,
        p.score,
      ]),
    ).toEqual([
      ['Member', 1, 5],
      ['Admin', 2, 1],
    ])
    expect(results.questions[0]).toMatchObject({ answeredCount: 2, correctCount: 1 })
    const listed = (await call('GET', `${base}/${session.id}`, member)).json()
    expect(listed).toMatchObject({
      participantCount: 2,
      completedCount: 2,
      myParticipation: { score: 5 },
    })
  })

  it('closes at once when ended, takes late answers only in a late window the host opens, and none after a cancel', async () => {
    const { owner, member, admin, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    await call('POST', `${base}/${session.id}/end`, owner)
    const closed = await call('POST', `${base}/${session.id}/join`, member)
    expect(closed.statusCode).toBe(409)
    expect(closed.json().error.message).toMatch(
      /^This session ended at .*; it takes no more answers\.$/,
    )

    const window = await call('PUT', `${base}/${session.id}/late-window`, owner, {
      lateUntil: inHours(1),
    })
    expect(window.statusCode).toBe(200)
    expect(window.json()).toMatchObject({ status: 'completed', capabilities: { canJoin: true } })
    const attempt = (await call('POST', `${base}/${session.id}/join`, member)).json()
    const detail = (await call('GET', `${base}/${session.id}`, member)).json()
    const answered = await call('POST', `/api/attempts/${attempt.id}/answers`, member, {
      clientAnswerId: 'late-answer-1',
      questionId: detail.questions[2].id,
      response: true,
    })
    expect(answered.statusCode).toBe(200)
    const participants = (await call('GET', `${base}/${session.id}/participants`, owner)).json()
      .items
    expect(participants).toEqual([
      expect.objectContaining({ name: 'Member', late: true, answeredCount: 1 }),
    ])

    const other = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const otherAttempt = (await call('POST', `${base}/${other.id}/join`, admin)).json()
    const otherDetail = (await call('GET', `${base}/${other.id}`, admin)).json()
    await call('DELETE', `${base}/${other.id}`, owner)
    const refused = await call('POST', `/api/attempts/${otherAttempt.id}/answers`, admin, {
      clientAnswerId: 'after-cancel-1',
      questionId: otherDetail.questions[2].id,
      response: true,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('SESSION_NOT_OPEN')
    expect((await call('POST', `${base}/${other.id}/join`, member)).statusCode).toBe(409)
  })

  it('does not let a session quiz be started as an individual attempt', async () => {
    const { owner, member, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const response = await call('POST', `/api/questions/${session.shareToken}/attempts`, member, {})
    expect(response.statusCode).toBe(403)
  })

  it('refuses a scheduled session that has not started', async () => {
    const { owner, member, base } = await setUp()
    const session = (
      await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(2), source: manual })
    ).json()
    const response = await call('POST', `${base}/${session.id}/join`, member)
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe('This session has not started yet.')
  })
})

describe('from the extension and for the dashboard', () => {
  it('creates instant and scheduled sessions from a loop and its questions', async () => {
    const { member, admin, group } = await setUp()
    const body = {
      groupId: group.id,
      loop: sampleLoop,
      questions: sampleQuestions,
      extensionLoopId: 'ext-42',
    }
    const instant = await call('POST', '/api/extension/create-group-session', member, body)
    expect(instant.statusCode).toBe(201)
    expect(instant.json()).toMatchObject({
      sessionType: 'instant',
      status: 'active',
      extensionLoopId: 'ext-42',
    })
    const noTime = await call('POST', '/api/extension/create-group-session', admin, {
      ...body,
      kind: 'scheduled',
    })
    expect(noTime.statusCode).toBe(400)
    const scheduled = await call('POST', '/api/extension/create-group-session', admin, {
      ...body,
      kind: 'scheduled',
      scheduledAt: inHours(3),
    })
    expect(scheduled.json()).toMatchObject({ sessionType: 'scheduled', status: 'scheduled' })
    expect(
      (
        await call('POST', '/api/extension/create-group-session', member, {
          ...body,
          kind: 'scheduled',
          scheduledAt: inHours(3),
        })
      ).statusCode,
    ).toBe(403)

    const active = (await call('GET', '/api/user/sessions?scope=active', member)).json().items
    expect(active.map((s: { id: string }) => s.id)).toEqual([instant.json().id])
    const upcoming = (await call('GET', '/api/user/sessions?scope=upcoming', member)).json().items
    expect(upcoming.map((s: { id: string }) => s.id)).toEqual([scheduled.json().id])
  })

  it('reports group statistics', async () => {
    const { owner, member, base } = await setUp()
    const session = (await call('POST', `${base}/create-instant`, owner, { source: manual })).json()
    const attempt = (await call('POST', `${base}/${session.id}/join`, member)).json()
    const detail = (await call('GET', `${base}/${session.id}`, member)).json()
    await call('POST', `/api/attempts/${attempt.id}/answers`, member, {
      clientAnswerId: 'stats-answer-1',
      questionId: detail.questions[0].id,
      response: 'mars',
    })
    await call('POST', `${base}/${session.id}/end`, owner)
    await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(4), source: manual })
    const stats = (await call('GET', `${base}/stats`, member)).json()
    expect(stats).toEqual({
      held: 1,
      upcoming: 1,
      participationRate: 1 / 3,
      averageScoreRate: 2 / 5,
    })
  })
})
