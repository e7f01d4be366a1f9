import { describe, expect, it } from 'vitest'
import { sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp, sampleLoop, share, signUp, type TestUser } from '../../test/test-app.ts'

// The quiz clock stands still unless a test moves it: limits are seconds long, tests never sleep.
let clock = new Date('2026-06-01T09:00:00.000Z')
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms)
}
const app = await createTestApp({}, { timing: { now: () => clock } })
const author = await signUp(app, 'Author')
const taker = await signUp(app, 'Taker')
const { call, setUpGroup } = sessionFixtures(app)

const timedQuestions = [
  {
    type: 'single' as const,
    prompt: 'Which planet is known as the red planet?',
    options: [
      { id: 'venus', text: 'Venus' },
      { id: 'mars', text: 'Mars' },
    ],
    correct: 'mars',
    points: 1,
    timeLimitS: 10,
  },
  {
    type: 'true_false' as const,
    prompt: 'Water boils at 100 °C at sea level.',
    correct: true,
    points: 1,
  },
]

interface Opening {
  questionId: string
  openedAt: string
  deadline: string | null
  serverNow: string
}

let answerCounter = 0
const nextAnswerId = () => `answer-${++answerCounter}-timing`

/** A fresh attempt at a share with a 10 s question and an untimed one, and their ids. */
async function startAttempt(user: TestUser | null) {
  const { token } = await share(app, author, { questions: timedQuestions })
  const set = (await call('GET', `/api/questions/${token}`, user)).json()
  const started = await call(
    'POST',
    `/api/questions/${token}/attempts`,
    user,
    user ? {} : { displayName: 'Guest' },
  )
  expect(started.statusCode).toBe(201)
  const [timedId, untimedId] = set.questions.map((q: { id: string }) => q.id) as [string, string]
  return { attemptId: started.json().id as string, timedId, untimedId }
}

const open = (attemptId: string, questionId: string, user: TestUser | null) =>
  call('POST', `/api/attempts/${attemptId}/questions/${questionId}/open`, user)

const answer = (
  attemptId: string,
  user: TestUser | null,
  questionId: string,
  response: unknown,
  clientAnswerId = nextAnswerId(),
) =>
  call('POST', `/api/attempts/${attemptId}/answers`, user, { clientAnswerId, questionId, response })

describe.each([
  ['a guest', null],
  ['a signed-in taker', taker],
] as const)('time limits for %s', (_label, user) => {
  it('opens a question once: a second opening returns the first, with the deadline', async () => {
    const { attemptId, timedId } = await startAttempt(user)
    const first = await open(attemptId, timedId, user)
    expect(first.statusCode).toBe(200)
    const openedAt = clock.toISOString()
    expect(first.json()).toEqual<Opening>({
      questionId: timedId,
      openedAt,
      deadline: new Date(clock.getTime() + 10_000).toISOString(),
      serverNow: openedAt,
    })
    advance(4_000)
    const again = (await open(attemptId, timedId, user)).json() as Opening
    expect(again).toMatchObject({ openedAt, serverNow: clock.toISOString() })
    const resumed = (await call('GET', `/api/attempts/${attemptId}`, user)).json()
    expect(resumed.openings).toEqual([{ questionId: timedId, openedAt, deadline: again.deadline }])
  })

  it('accepts an answer within the limit and its grace', async () => {
    const { attemptId, timedId } = await startAttempt(user)
    await open(attemptId, timedId, user)
    advance(11_500)
    const answered = await answer(attemptId, user, timedId, 'mars')
    expect(answered.statusCode).toBe(200)
    expect(answered.json()).toMatchObject({ correct: true, points: 1 })
  })

  it('refuses an answer after the limit and the grace, and records nothing', async () => {
    const { attemptId, timedId } = await startAttempt(user)
    await open(attemptId, timedId, user)
    advance(12_001)
    const late = await answer(attemptId, user, timedId, 'mars')
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('TIME_LIMIT_PASSED')
    const attempt = (await call('GET', `/api/attempts/${attemptId}`, user)).json()
    expect(attempt).toMatchObject({ answers: [], score: 0 })
    const result = (await call('POST', `/api/attempts/${attemptId}/finish`, user)).json()
    expect(result.review[0].answer).toBeNull()
  })

  it('returns the first result to a replay of an answer that came in time, even after the limit', async () => {
    const { attemptId, timedId } = await startAttempt(user)
    await open(attemptId, timedId, user)
    advance(3_000)
    const first = await answer(attemptId, user, timedId, 'mars', 'replayed-answer-1')
    expect(first.statusCode).toBe(200)
    advance(60_000)
    const replay = await answer(attemptId, user, timedId, 'mars', 'replayed-answer-1')
    expect(replay.statusCode).toBe(200)
    expect(replay.json()).toEqual(first.json())
  })

  it('never refuses a question without a limit', async () => {
    const { attemptId, untimedId } = await startAttempt(user)
    const opened = (await open(attemptId, untimedId, user)).json() as Opening
    expect(opened.deadline).toBeNull()
    advance(24 * 3_600_000)
    const answered = await answer(attemptId, user, untimedId, true)
    expect(answered.statusCode).toBe(200)
  })

  it('counts a timed question answered without an opening as opened then, once', async () => {
    const { attemptId, timedId } = await startAttempt(user)
    const answeredAt = clock.toISOString()
    const answered = await answer(attemptId, user, timedId, 'venus')
    expect(answered.statusCode).toBe(200)
    advance(30_000)
    // The opening the answer recorded stands: a later open does not restart the clock.
    const opened = (await open(attemptId, timedId, user)).json() as Opening
    expect(opened.openedAt).toBe(answeredAt)
  })
})

describe('who may open a question', () => {
  it('is the attempt’s owner only, and only questions of its quiz', async () => {
    const { attemptId, timedId } = await startAttempt(taker)
    const stranger = await signUp(app, 'Stranger')
    expect((await open(attemptId, timedId, stranger)).json().error.code).toBe('ATTEMPT_NOT_FOUND')
    expect((await open(attemptId, timedId, null)).json().error.code).toBe('ATTEMPT_NOT_FOUND')
    const unknown = await open(attemptId, 'not-a-question', taker)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.code).toBe('QUESTION_NOT_IN_SET')
  })

  it('refuses to open a question of a finished attempt', async () => {
    const { attemptId, timedId } = await startAttempt(null)
    await call('POST', `/api/attempts/${attemptId}/finish`, null)
    const opened = await open(attemptId, timedId, null)
    expect(opened.statusCode).toBe(409)
    expect(opened.json().error.code).toBe('ATTEMPT_FINISHED')
  })
})

describe('time limits in a group session', () => {
  it('hold for a member’s attempt, and its openings follow the session', async () => {
    const { owner, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, {
        source: { kind: 'manual', loop: sampleLoop, questions: timedQuestions },
      })
    ).json()
    const detail = (await call('GET', `${base}/${session.id}`, member)).json()
    const [timedId, untimedId] = detail.questions.map((q: { id: string }) => q.id)
    const attempt = (await call('POST', `${base}/${session.id}/join`, member)).json()
    expect(attempt.openings).toEqual([])

    expect((await open(attempt.id, timedId, member)).statusCode).toBe(200)
    advance(12_001)
    const late = await answer(attempt.id, member, timedId, 'mars')
    expect(late.json().error.code).toBe('TIME_LIMIT_PASSED')
    const rejoined = (await call('POST', `${base}/${session.id}/join`, member)).json()
    expect(rejoined.openings).toHaveLength(1)

    expect((await call('POST', `${base}/${session.id}/end`, owner)).statusCode).toBe(200)
    const afterEnd = await open(attempt.id, untimedId, member)
    expect(afterEnd.json().error.code).toBe('SESSION_NOT_OPEN')
  })
})
