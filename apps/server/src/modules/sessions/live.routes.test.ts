import type { LiveAction, LiveState } from '@loopquiz/contract'
import { unwrapAck } from '@loopquiz/contract/realtime-client'
import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { groupQuizSessions } from '../../db/schema/sessions.ts'
import { LIVE_ANSWER_GRACE_MS } from '../../domain/live-state.ts'
import { connectAs, listenOnce, nextEvent } from '../../test/realtime-clients.ts'
import { manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp, sampleQuestions, type TestUser } from '../../test/test-app.ts'

// The quiz clock: answers and live deadlines are timed on it, so a test can move time on.
let offsetMs = 0
const app = await createTestApp(
  {},
  { timing: { now: () => new Date(Date.now() + offsetMs), realtimeTickMs: 20 } },
)
const { call, setUpGroup } = sessionFixtures(app)
const origin = await listenOnce(app)
afterEach(() => {
  offsetMs = 0
})

/** A live session the owner hosts; the admin and the member have joined it. */
async function liveSession(body: object = {}, questions: readonly object[] = sampleQuestions) {
  const fixture = await setUpGroup()
  const created = await call('POST', `${fixture.base}/create-instant`, fixture.owner, {
    source: { ...manualSource, questions },
    mode: 'live',
    ...body,
  })
  expect(created.statusCode).toBe(201)
  const session = created.json()
  const url = `${fixture.base}/${session.id}`
  const join = async (user: TestUser) => {
    const response = await call('POST', `${url}/join`, user)
    expect(response.statusCode).toBe(200)
    return response.json() as { id: string; maxScore: number }
  }
  const [stored] = await app.db
    .select({ questions: groupQuizSessions.questionsData })
    .from(groupQuizSessions)
    .where(eq(groupQuizSessions.id, session.id))
  const questionIds = (stored?.questions ?? []).map((question) => question.id)
  const act = (action: LiveAction, user: TestUser = fixture.owner) =>
    call('POST', `${url}/live`, user, { action })
  const actOk = async (action: LiveAction): Promise<LiveState> => {
    const response = await act(action)
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }
  const state = async (user: TestUser = fixture.member): Promise<LiveState> => {
    const response = await call('GET', `${url}/live`, user)
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }
  let answerCount = 0
  const answer = (attemptId: string, user: TestUser, questionId: string, response: unknown) =>
    call('POST', `/api/attempts/${attemptId}/answers`, user, {
      clientAnswerId: `answer-${++answerCount}-${Math.random().toString(36).slice(2)}`,
      questionId,
      response,
    })
  return { ...fixture, session, url, questionIds, join, act, actOk, state, answer }
}

describe('hosting a live session', () => {
  it('runs from the lobby through every question to the podium, which ends the session', async () => {
    const { member, join, actOk, state, url, questionIds } = await liveSession()
    const attempt = await join(member)
    // Speed scoring: each point is worth up to 1000 (domain/live-scoring).
    expect(attempt.maxScore).toBe(5000)

    const lobby = await state()
    expect(lobby).toMatchObject({
      phase: 'lobby',
      questionIndex: null,
      questionCount: 4,
      participantCount: 1,
      scoring: 'speed',
      reveal: null,
    })

    const first = await actOk('start')
    expect(first).toMatchObject({
      phase: 'question',
      questionIndex: 0,
      questionId: questionIds[0],
      reveal: null,
    })
    expect(first.version).toBeGreaterThan(lobby.version)
    // No time limit of its own: the default 20 s.
    expect(Date.parse(first.deadline ?? '') - Date.parse(first.openedAt ?? '')).toBe(20_000)
    expect(await state()).toMatchObject({ phase: 'question', version: first.version })

    expect(await actOk('lock')).toMatchObject({ phase: 'locked', reveal: null })
    const revealed = await actOk('reveal')
    expect(revealed).toMatchObject({
      phase: 'revealed',
      reveal: {
        questionId: questionIds[0],
        correctAnswer: 'mars',
        explanation: 'Iron oxide makes its surface red.',
        distribution: { venus: 0, mars: 0 },
        correctCount: 0,
      },
    })
    expect(await actOk('leaderboard')).toMatchObject({
      phase: 'leaderboard',
      leaderboard: [{ userId: member.id, rank: 1, score: 0, lastPoints: 0 }],
    })

    for (const index of [1, 2, 3]) {
      expect(await actOk('next')).toMatchObject({ phase: 'question', questionIndex: index })
      await actOk('lock')
      await actOk('reveal')
    }
    const podium = await actOk('next')
    expect(podium).toMatchObject({ phase: 'podium', questionIndex: 3 })
    expect(podium.leaderboard).toHaveLength(1)
    const session = (await call('GET', url, member)).json()
    expect(session.status).toBe('completed')
    // Some twenty requests: a minute on a loaded machine.
  }, 60_000)

  it('refuses every host action to a member who is not a host', async () => {
    const { member, act } = await liveSession()
    for (const action of ['start', 'pause', 'next', 'finish'] as const) {
      const response = await act(action, member)
      expect(response.statusCode).toBe(403)
      expect(response.json().error.code).toBe('FORBIDDEN')
    }
  })

  it('refuses each action out of order with 409 LIVE_ACTION_NOT_ALLOWED, saying why', async () => {
    const { act, actOk, state } = await liveSession()
    const refused = async (actions: LiveAction[]) => {
      for (const action of actions) {
        const response = await act(action)
        expect(response.statusCode, `${action}`).toBe(409)
        expect(response.json().error.code).toBe('LIVE_ACTION_NOT_ALLOWED')
      }
    }
    await refused(['pause', 'resume', 'lock', 'reveal', 'leaderboard', 'next'])
    const lobbyReply = await act('next')
    expect(lobbyReply.json().error.message).toBe(
      'The live session is still in the lobby, so you cannot go to the next question now. Move on after revealing the answer or showing the leaderboard.',
    )
    await actOk('start')
    await refused(['start', 'resume', 'reveal', 'next'])
    await actOk('pause')
    await refused(['start', 'pause', 'reveal', 'leaderboard', 'next'])
    await actOk('lock')
    await refused(['start', 'pause', 'resume', 'lock', 'next'])
    await actOk('finish')
    await refused(['start', 'pause', 'resume', 'lock', 'reveal', 'leaderboard', 'next', 'finish'])
    expect((await state()).phase).toBe('podium')
  })

  it('refuses live actions on a self-paced session, and on a live one not started yet', async () => {
    const { owner, base } = await setUpGroup()
    const selfPaced = (
      await call('POST', `${base}/create-instant`, owner, { source: manualSource })
    ).json()
    const onSelfPaced = await call('POST', `${base}/${selfPaced.id}/live`, owner, {
      action: 'start',
    })
    expect(onSelfPaced.statusCode).toBe(409)
    expect(onSelfPaced.json().error.code).toBe('LIVE_ACTION_NOT_ALLOWED')

    const planned = await call('POST', `${base}/schedule`, owner, {
      source: manualSource,
      mode: 'live',
      scheduledAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    })
    expect(planned.statusCode, planned.body).toBe(201)
    const early = await call('POST', `${base}/${planned.json().id}/live`, owner, {
      action: 'start',
    })
    expect(early.statusCode).toBe(409)
    expect(early.json().error.message).toMatch(/start the session first/)
  })

  it('advances once when two hosts press next at the same moment', async () => {
    const { admin, act, actOk, state } = await liveSession()
    await actOk('start')
    await actOk('lock')
    const revealed = await actOk('reveal')
    const replies = await Promise.all([act('next'), act('next', admin)])
    expect(replies.map((reply) => reply.statusCode).sort()).toEqual([200, 409])
    expect(await state()).toMatchObject({ questionIndex: 1, version: revealed.version + 1 })
  })

  it('stops the countdown on pause and pushes the deadline on resume', async () => {
    const { actOk, state } = await liveSession()
    const opened = await actOk('start')
    offsetMs = 5_000
    const paused = await actOk('pause')
    expect(paused).toMatchObject({ phase: 'paused', deadline: null })
    expect(paused.pausedRemainingMs).toBeGreaterThan(14_000)
    expect(paused.pausedRemainingMs).toBeLessThanOrEqual(15_000)
    offsetMs = 65_000
    // A minute later it is still paused, with the same time left.
    expect(await state()).toMatchObject({
      phase: 'paused',
      pausedRemainingMs: paused.pausedRemainingMs,
    })
    const resumed = await actOk('resume')
    expect(resumed.phase).toBe('question')
    // The time left is the time left at the pause (less the moment the reply took to build).
    const left = Date.parse(resumed.deadline ?? '') - Date.parse(resumed.serverNow)
    expect(left).toBeLessThanOrEqual(paused.pausedRemainingMs ?? 0)
    expect(left).toBeGreaterThan((paused.pausedRemainingMs ?? 0) - 5_000)
    expect(Date.parse(resumed.deadline ?? '')).toBeGreaterThan(Date.parse(opened.deadline ?? ''))
  })

  it('shows a question past its deadline as locked, and its lock reaches watchers', async () => {
    const { member, group, session, actOk, state } = await liveSession()
    const socket = await connectAs(origin, member)
    unwrapAck(
      await socket.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    const opened = await actOk('start')
    offsetMs = 20_000
    expect(await state()).toMatchObject({ phase: 'locked', version: opened.version })
    // What the lock timer and its backstop job run: only one of them writes and pushes.
    const pushed = nextEvent(socket, 'live:state', (event) => event.phase === 'locked')
    const [first, second] = await Promise.all([
      app.services.sessions.lockDue(session.id, opened.version),
      app.services.sessions.lockDue(session.id, opened.version),
    ])
    expect([first, second].filter((outcome) => outcome !== null)).toHaveLength(1)
    expect(await pushed).toMatchObject({ phase: 'locked', version: opened.version + 1 })
  })

  it('locks a question at its own time limit without the host, pushing it on time', async () => {
    const timed = sampleQuestions.map((question) => ({ ...question, timeLimitS: 5 }))
    const { member, group, session, actOk } = await liveSession({}, timed)
    const socket = await connectAs(origin, member)
    unwrapAck(
      await socket.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    const opened = await actOk('start')
    expect(Date.parse(opened.deadline ?? '') - Date.parse(opened.openedAt ?? '')).toBe(5_000)
    const locked = await nextEvent(
      socket,
      'live:state',
      (event) => event.phase === 'locked',
      20_000,
    )
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(opened.deadline ?? ''))
    expect(locked.version).toBe(opened.version + 1)
  }, 30_000)

  it('still locks a question on time through its job when the node that opened it lost its timer', async () => {
    const timed = sampleQuestions.map((question) => ({ ...question, timeLimitS: 5 }))
    const { member, group, session, actOk } = await liveSession({}, timed)
    const socket = await connectAs(origin, member)
    unwrapAck(
      await socket.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    const opened = await actOk('start')
    // As if the node had gone away: only the pg-boss job is left to lock the question.
    app.services.sessions.stopLiveTimers()
    const locked = await nextEvent(
      socket,
      'live:state',
      (event) => event.phase === 'locked',
      20_000,
    )
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(opened.deadline ?? ''))
    expect(locked.version).toBe(opened.version + 1)
  }, 30_000)

  it('pushes each state to a watching member and gives it in the watch snapshot', async () => {
    const { member, group, session, actOk, join } = await liveSession()
    await join(member)
    const socket = await connectAs(origin, member)
    const snapshot = unwrapAck(
      await socket.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    expect(snapshot.live).toMatchObject({ phase: 'lobby', questionCount: 4 })

    const started = nextEvent(socket, 'live:state', (event) => event.phase === 'question')
    const opened = await actOk('start')
    expect(await started).toMatchObject({ version: opened.version, questionIndex: 0 })

    await actOk('lock')
    const standing = nextEvent(socket, 'live:standing')
    await actOk('leaderboard')
    expect(await standing).toMatchObject({
      sessionId: session.id,
      userId: member.id,
      rank: 1,
      participantCount: 1,
    })

    // Someone who reconnects lands where the game is.
    socket.disconnect()
    const again = await connectAs(origin, member)
    const back = unwrapAck(
      await again.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    expect(back.live).toMatchObject({ phase: 'leaderboard', questionIndex: 0 })
  })

  it('goes to the podium when the host ends the session mid-question', async () => {
    const { url, owner, actOk, state } = await liveSession()
    await actOk('start')
    expect((await call('POST', `${url}/end`, owner)).statusCode).toBe(200)
    await expect.poll(async () => (await state()).phase).toBe('podium')
  })
})

describe('extending a session', () => {
  it('moves an active session’s end later for its host, and no one else', async () => {
    const { url, owner, member, session } = await liveSession()
    const byMember = await call('POST', `${url}/extend`, member, { minutes: 15 })
    expect(byMember.statusCode).toBe(403)
    const extended = await call('POST', `${url}/extend`, owner, { minutes: 15 })
    expect(extended.statusCode, extended.body).toBe(200)
    expect(Date.parse(extended.json().endsAt) - Date.parse(session.endsAt)).toBe(15 * 60_000)
    expect(extended.json().durationMinutes).toBe(session.durationMinutes + 15)
  })

  it('refuses to extend a session that is over', async () => {
    const { url, owner } = await liveSession()
    await call('POST', `${url}/end`, owner)
    const late = await call('POST', `${url}/extend`, owner, { minutes: 15 })
    expect(late.statusCode).toBe(409)
    expect(late.json().error).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: 'This session is over, so it cannot be extended.',
    })
  })
})

describe('answering a live session', () => {
  it('refuses an answer after the deadline with 409 QUESTION_LOCKED', async () => {
    const { member, join, actOk, answer } = await liveSession()
    const attempt = await join(member)
    const opened = await actOk('start')
    offsetMs = 20_000 + LIVE_ANSWER_GRACE_MS + 100
    const late = await answer(attempt.id, member, opened.questionId ?? '', 'mars')
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('QUESTION_LOCKED')
  })

  it('refuses an answer to a question that is not the current one', async () => {
    const { member, join, actOk, answer, questionIds } = await liveSession()
    const attempt = await join(member)
    await actOk('start')
    const other = questionIds[2] ?? ''
    const response = await answer(attempt.id, member, other, true)
    expect(response.statusCode).toBe(409)
    expect(response.json().error).toMatchObject({
      code: 'QUESTION_LOCKED',
      message: 'This is not the question being played now.',
    })
  })

  it('refuses answers while paused and after the host locks the question', async () => {
    const { member, join, actOk, answer } = await liveSession()
    const attempt = await join(member)
    const opened = await actOk('start')
    await actOk('pause')
    const paused = await answer(attempt.id, member, opened.questionId ?? '', 'mars')
    expect(paused.json().error.code).toBe('QUESTION_LOCKED')
    await actOk('lock')
    const locked = await answer(attempt.id, member, opened.questionId ?? '', 'mars')
    expect(locked.json().error.code).toBe('QUESTION_LOCKED')
  })

  it('gives a faster correct answer more points and ranks the leaderboard by score', async () => {
    const { admin, member, owner, join, actOk, answer, state } = await liveSession()
    const fast = await join(admin)
    const slow = await join(member)
    const wrong = await join(owner)
    const opened = await actOk('start')
    const questionId = opened.questionId ?? ''
    offsetMs = 2_000
    expect((await answer(fast.id, admin, questionId, 'mars')).statusCode).toBe(200)
    offsetMs = 10_000
    expect((await answer(slow.id, member, questionId, 'mars')).statusCode).toBe(200)
    expect((await answer(wrong.id, owner, questionId, 'venus')).statusCode).toBe(200)
    expect((await state()).answeredCount).toBe(3)
    await actOk('lock')
    const revealed = await actOk('reveal')
    expect(revealed.reveal).toMatchObject({ distribution: { mars: 2, venus: 1 }, correctCount: 2 })
    const board = (await actOk('leaderboard')).leaderboard ?? []
    expect(board.map((entry) => [entry.userId, entry.rank])).toEqual([
      [admin.id, 1],
      [member.id, 2],
      [owner.id, 3],
    ])
    const [first, second, third] = board
    // 2 points: 2000 at best, 1000 at the very end, falling linearly with the time taken.
    expect(first?.lastPoints).toBeGreaterThan(second?.lastPoints ?? 0)
    expect(first?.lastPoints).toBeLessThanOrEqual(1900)
    expect(second?.lastPoints).toBeLessThanOrEqual(1500)
    expect(second?.lastPoints).toBeGreaterThan(1000)
    expect(third).toMatchObject({ score: 0, lastPoints: 0 })
  })

  it('counts each correct answer once with scoring without speed', async () => {
    const { member, join, actOk, answer } = await liveSession({
      options: { scoring: 'correct_only', shuffleQuestions: false, shuffleOptions: false },
    })
    const attempt = await join(member)
    expect(attempt.maxScore).toBe(5)
    const opened = await actOk('start')
    offsetMs = 15_000
    expect((await answer(attempt.id, member, opened.questionId ?? '', 'mars')).statusCode).toBe(200)
    await actOk('lock')
    const board = (await actOk('leaderboard')).leaderboard ?? []
    expect(board[0]).toMatchObject({ userId: member.id, score: 2, lastPoints: 2 })
  })

  it('reveals how a multiple-choice question’s options were chosen, each chosen option counted', async () => {
    const { admin, member, join, actOk, answer } = await liveSession()
    const first = await join(admin)
    const second = await join(member)
    await actOk('start')
    await actOk('lock')
    await actOk('reveal')
    const opened = await actOk('next')
    const questionId = opened.questionId ?? ''
    expect((await answer(first.id, admin, questionId, ['r', 'g', 'b'])).statusCode).toBe(200)
    expect((await answer(second.id, member, questionId, ['r', 'y'])).statusCode).toBe(200)
    await actOk('lock')
    expect((await actOk('reveal')).reveal).toEqual({
      questionId,
      correctAnswer: ['r', 'g', 'b'],
      explanation: null,
      distribution: { r: 2, g: 1, y: 1, b: 1 },
      correctCount: 1,
    })
  })

  it('shows the live state to members only', async () => {
    const { outsider, state, url } = await liveSession()
    expect((await state()).phase).toBe('lobby')
    expect((await call('GET', `${url}/live`, outsider)).statusCode).toBe(404)
  })

  it('lets a participant who reconnects carry on at the current question with their score', async () => {
    const { member, group, session, join, actOk, answer } = await liveSession()
    const attempt = await join(member)
    const first = await actOk('start')
    await answer(attempt.id, member, first.questionId ?? '', 'mars')
    await actOk('lock')
    await actOk('reveal')
    const second = await actOk('next')
    const socket = await connectAs(origin, member)
    const snapshot = unwrapAck(
      await socket.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    expect(snapshot.live).toMatchObject({ phase: 'question', questionId: second.questionId })
    const mine = snapshot.participants.find((entry) => entry.userId === member.id)
    expect(mine?.score).toBeGreaterThan(1000)
    const rejoined = await join(member)
    expect(rejoined.id).toBe(attempt.id)
  })
})
