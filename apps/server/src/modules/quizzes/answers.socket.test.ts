import { unwrapAck } from '@loopquiz/contract/realtime-client'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { answers } from '../../db/schema/quizzes.ts'
import { connectAs, listenOnce, nextEvent } from '../../test/realtime-clients.ts'
import { manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp } from '../../test/test-app.ts'

const app = await createTestApp({}, { timing: { offlineGraceMs: 100, realtimeTickMs: 20 } })
const { call, setUpGroup } = sessionFixtures(app)
const origin = await listenOnce(app)

/** An active session the member has joined: their attempt and the session's question ids. */
async function joinedSession() {
  const fixture = await setUpGroup()
  const session = (
    await call('POST', `${fixture.base}/create-instant`, fixture.owner, { source: manualSource })
  ).json()
  const attempt = (await call('POST', `${fixture.base}/${session.id}/join`, fixture.member)).json()
  const questionIds: string[] = (await call('GET', `${fixture.base}/${session.id}`, fixture.member))
    .json()
    .questions.map((q: { id: string }) => q.id)
  return { ...fixture, session, attemptId: attempt.id as string, questionIds }
}

async function storedAnswers(attemptId: string) {
  const [row] = await app.db
    .select({ n: sql<number>`count(*)::integer` })
    .from(answers)
    .where(eq(answers.attemptId, attemptId))
  return row?.n ?? 0
}

describe('answering over the socket', () => {
  it('stores the answer, acks its result, and shows the host the progress and the distribution', async () => {
    const { owner, member, group, session, attemptId, questionIds } = await joinedSession()
    const host = await connectAs(origin, owner)
    const watched = unwrapAck(
      await host.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    expect(watched.isHost).toBe(true)
    const progress = nextEvent(host, 'session:progress', (event) =>
      event.updates.some((u) => u.userId === member.id && u.answeredCount === 1),
    )
    const distribution = nextEvent(host, 'session:answers', (event) =>
      event.questions.some((q) => q.questionId === questionIds[0] && q.answeredCount === 1),
    )

    const learner = await connectAs(origin, member)
    const result = unwrapAck(
      await learner.emitWithAck('answer:submit', {
        attemptId,
        clientAnswerId: 'socket-answer-1',
        questionId: questionIds[0] ?? '',
        response: 'mars',
      }),
    )
    expect(result).toMatchObject({ questionId: questionIds[0], correct: true, points: 2 })
    expect(await storedAnswers(attemptId)).toBe(1)

    expect((await progress).updates).toContainEqual({
      userId: member.id,
      name: member.name,
      answeredCount: 1,
      score: 2,
      finished: false,
    })
    expect((await distribution).questions).toEqual([
      {
        questionId: questionIds[0],
        answeredCount: 1,
        correctCount: 1,
        counts: { venus: 0, mars: 1 },
        correctAnswer: 'mars',
      },
    ])
  })

  it('stores an answer sent twice with one id once, and acks both with the first result', async () => {
    const { member, attemptId, questionIds } = await joinedSession()
    const learner = await connectAs(origin, member)
    const body = {
      attemptId,
      clientAnswerId: 'twice-answer-1',
      questionId: questionIds[2] ?? '',
      response: true,
    }
    const [first, second] = await Promise.all([
      learner.emitWithAck('answer:submit', body),
      learner.emitWithAck('answer:submit', body),
    ])
    expect(unwrapAck(first)).toEqual(unwrapAck(second))
    expect(unwrapAck(first)).toMatchObject({ correct: true, points: 1 })
    const third = unwrapAck(await learner.emitWithAck('answer:submit', body))
    expect(third).toEqual(unwrapAck(first))
    expect(await storedAnswers(attemptId)).toBe(1)
  })

  it('stores an answer sent while the connection was down exactly once after it comes back', async () => {
    const { member, attemptId, questionIds } = await joinedSession()
    // A short ack timeout makes the client send the answer again as well: retries stay harmless.
    const learner = await connectAs(origin, member, { ackTimeoutMs: 150 })
    const reconnected = new Promise<void>((resolve) =>
      learner.io.once('reconnect', () => resolve()),
    )
    learner.io.engine.close()
    expect(learner.connected).toBe(false)
    const acked = learner.emitWithAck('answer:submit', {
      attemptId,
      clientAnswerId: 'offline-1',
      questionId: questionIds[0] ?? '',
      response: 'venus',
    })
    await reconnected
    expect(unwrapAck(await acked)).toMatchObject({ correct: false, points: 0 })
    // Long enough for any retry still on its way to arrive and be refused as a duplicate.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await storedAnswers(attemptId)).toBe(1)
  })

  it('refuses an outsider’s answer to a member’s attempt and stores nothing', async () => {
    const { outsider, attemptId, questionIds } = await joinedSession()
    const stranger = await connectAs(origin, outsider)
    const reply = await stranger.emitWithAck('answer:submit', {
      attemptId,
      clientAnswerId: 'outsider-1',
      questionId: questionIds[0] ?? '',
      response: 'mars',
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'ATTEMPT_NOT_FOUND' } })
    expect(await storedAnswers(attemptId)).toBe(0)
  })

  it('acks an answer that does not fit its question with the HTTP error', async () => {
    const { member, attemptId, questionIds } = await joinedSession()
    const learner = await connectAs(origin, member)
    const reply = await learner.emitWithAck('answer:submit', {
      attemptId,
      clientAnswerId: 'misfit-1',
      questionId: questionIds[0] ?? '',
      response: true,
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'ANSWER_DOES_NOT_FIT_QUESTION' } })
    expect(await storedAnswers(attemptId)).toBe(0)
  })

  it('scores a live answer on the live clock, and a retry after the lock gets the first result', async () => {
    const { owner, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, { source: manualSource, mode: 'live' })
    ).json()
    const url = `${base}/${session.id}`
    const attempt = (await call('POST', `${url}/join`, member)).json()
    const opened = (await call('POST', `${url}/live`, owner, { action: 'start' })).json()
    const learner = await connectAs(origin, member)
    const body = {
      attemptId: attempt.id as string,
      clientAnswerId: 'live-answer-1',
      questionId: opened.questionId as string,
      response: 'mars',
    }
    const first = unwrapAck(await learner.emitWithAck('answer:submit', body))
    // Speed scoring: 2 points are worth up to 2000, at least 1000 when correct.
    expect(first).toMatchObject({ correct: true, maxPoints: 2000 })
    expect(first.points).toBeGreaterThan(1000)
    expect((await call('POST', `${url}/live`, owner, { action: 'lock' })).statusCode).toBe(200)

    expect(unwrapAck(await learner.emitWithAck('answer:submit', body))).toEqual(first)
    const other = await learner.emitWithAck('answer:submit', {
      ...body,
      clientAnswerId: 'live-answer-2',
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'QUESTION_LOCKED' } })
    expect(await storedAnswers(attempt.id)).toBe(1)
  })
})
