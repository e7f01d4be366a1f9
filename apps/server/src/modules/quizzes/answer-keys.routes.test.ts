import type { ShowAnswersPolicy } from '@loopquiz/contract'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { questionSets } from '../../db/schema/quizzes.ts'
import {
  createTestApp,
  sampleLoop,
  sampleQuestions,
  share,
  signUp,
  type TestUser,
} from '../../test/test-app.ts'

const app = await createTestApp()
const author = await signUp(app, 'Author')
const member = await signUp(app, 'Signed-in taker')

type Method = 'GET' | 'POST' | 'PUT'
async function call(method: Method, url: string, user: TestUser | null, payload?: object) {
  return app.inject({ method, url, headers: user?.bearer ?? {}, ...(payload ? { payload } : {}) })
}

// Texts that only the key holds: none of them may reach a taker the policy keeps them from.
const keyTexts = ['Iron oxide', 'since 987', 'Paris']
const fullKey = ['mars', ['r', 'g', 'b'], true, ['Paris']]
const explanations = [
  'Iron oxide makes its surface red.',
  null,
  null,
  'Paris has been the capital since 987.',
]

interface KeyFields {
  keyStatus: string
  correctAnswer: unknown
  explanation: string | null
}
interface Review {
  review: (KeyFields & { question: object; answer: (KeyFields & { correct: boolean }) | null })[]
}

let answerCount = 0

async function questionIdsOf(token: string, user: TestUser | null = null): Promise<string[]> {
  const set = (await call('GET', `/api/questions/${token}`, user)).json()
  return set.questions.map((q: { id: string }) => q.id)
}

async function startAs(token: string, taker: TestUser | null): Promise<string> {
  const response = await call('POST', `/api/questions/${token}/attempts`, taker, {
    ...(taker ? {} : { displayName: 'Guest' }),
  })
  expect(response.statusCode).toBe(201)
  return response.json().id
}

async function answerAs(
  attemptId: string,
  taker: TestUser | null,
  questionId: string,
  response: unknown,
) {
  return call('POST', `/api/attempts/${attemptId}/answers`, taker, {
    clientAnswerId: `key-answer-${++answerCount}`,
    questionId,
    response,
  })
}

const keysOf = (items: KeyFields[]) =>
  items.map(({ keyStatus, correctAnswer, explanation }) => ({
    keyStatus,
    correctAnswer,
    explanation,
  }))

const withheld = (keyStatus: string) => ({ keyStatus, correctAnswer: null, explanation: null })
const shown = (index: number) => ({
  keyStatus: 'shown',
  correctAnswer: fullKey[index],
  explanation: explanations[index],
})

function expectNoKeyText(body: string) {
  for (const text of keyTexts) expect(body).not.toContain(text)
}

describe('choosing a show-answers policy', () => {
  it('defaults to after_each_answer and shows the choice on the set and in my list', async () => {
    const byDefault = await share(app, author)
    const never = await share(app, author, { showAnswers: 'never' })
    expect((await call('GET', `/api/questions/${byDefault.token}`, null)).json().showAnswers).toBe(
      'after_each_answer',
    )
    expect((await call('GET', `/api/questions/${never.token}`, null)).json().showAnswers).toBe(
      'never',
    )
    const mine = (await call('GET', '/api/question-sets', author)).json().items
    const policyOf = (token: string) =>
      mine.find((item: { token: string }) => item.token === token)?.showAnswers
    expect(policyOf(byDefault.token)).toBe('after_each_answer')
    expect(policyOf(never.token)).toBe('never')
  })

  it('refuses an unknown policy with 400 naming the field', async () => {
    const response = await call('POST', '/api/share-questions', author, {
      loop: sampleLoop,
      questions: sampleQuestions,
      showAnswers: 'always',
    })
    expect(response.statusCode).toBe(400)
    expect(JSON.stringify(response.json().error.details)).toContain('showAnswers')
  })
})

const takers: [string, TestUser | null][] = [
  ['a guest', null],
  ['a signed-in user', member],
]

describe.each(takers)('%s taking a shared quiz', (_label, taker) => {
  it('gets no key by finishing at once without answering, unless the author shows all on finishing', async () => {
    for (const policy of ['after_each_answer', 'never'] as const) {
      const { token } = await share(app, author, { showAnswers: policy })
      const attemptId = await startAs(token, taker)
      const finished = await call('POST', `/api/attempts/${attemptId}/finish`, taker)
      expect(finished.statusCode).toBe(200)
      const again = await call('GET', `/api/attempts/${attemptId}/result`, taker)
      for (const response of [finished, again]) {
        expectNoKeyText(response.body)
        const result = response.json() as Review
        const status = policy === 'never' ? 'never' : 'answered_only'
        expect(keysOf(result.review)).toEqual(fullKey.map(() => withheld(status)))
        for (const item of result.review) {
          expect(item.answer).toBeNull()
          expect(item.question).not.toHaveProperty('correct')
          expect(item.question).not.toHaveProperty('explanation')
        }
      }
    }

    const { token } = await share(app, author, { showAnswers: 'after_finishing' })
    const attemptId = await startAs(token, taker)
    const finished = (await call('POST', `/api/attempts/${attemptId}/finish`, taker)).json()
    expect(keysOf(finished.review)).toEqual(fullKey.map((_, index) => shown(index)))
  })

  it.each([
    [
      'after_each_answer',
      [shown(0), shown(1)],
      [shown(0), shown(1)],
      [shown(0), shown(1), withheld('answered_only'), withheld('answered_only')],
    ],
    [
      'after_finishing',
      [withheld('on_finish'), withheld('on_finish')],
      [shown(0), shown(1)],
      [shown(0), shown(1), shown(2), shown(3)],
    ],
    [
      'never',
      [withheld('never'), withheld('never')],
      [withheld('never'), withheld('never')],
      [withheld('never'), withheld('never'), withheld('never'), withheld('never')],
    ],
  ] as const)(
    'with %s, gets the key of answered questions as the policy says',
    async (policy, whileTaking, answersWhenFinished, review) => {
      const { token } = await share(app, author, { showAnswers: policy as ShowAnswersPolicy })
      const ids = await questionIdsOf(token)
      const attemptId = await startAs(token, taker)
      const right = await answerAs(attemptId, taker, ids[0] ?? '', 'mars')
      const wrong = await answerAs(attemptId, taker, ids[1] ?? '', ['r'])
      // Right or wrong and the points are always the taker's to see.
      expect(right.json()).toMatchObject({ correct: true, points: 2, maxPoints: 2 })
      expect(wrong.json()).toMatchObject({ correct: false, points: 0, maxPoints: 1 })
      expect(keysOf([right.json(), wrong.json()])).toEqual(whileTaking)

      const resumed = (await call('GET', `/api/attempts/${attemptId}`, taker)).json()
      expect(keysOf(resumed.answers)).toEqual(whileTaking)
      const replayed = await call('POST', `/api/attempts/${attemptId}/answers`, taker, {
        clientAnswerId: right.json().clientAnswerId,
        questionId: ids[0],
        response: 'mars',
      })
      expect(keysOf([replayed.json()])).toEqual(whileTaking.slice(0, 1))
      if (policy !== 'after_each_answer') expectNoKeyText(JSON.stringify(resumed))

      const result = (
        await call('POST', `/api/attempts/${attemptId}/finish`, taker)
      ).json() as Review
      expect(result).toMatchObject({ score: 2, correctCount: 1, showAnswers: policy })
      expect(keysOf(result.review)).toEqual(review)
      expect(keysOf(result.review.flatMap((item) => (item.answer ? [item.answer] : [])))).toEqual(
        answersWhenFinished,
      )
      const afterFinishing = (await call('GET', `/api/attempts/${attemptId}`, taker)).json()
      expect(keysOf(afterFinishing.answers)).toEqual(answersWhenFinished)
    },
  )

  it("cannot get the key from an earlier attempt's result to score a second one", async () => {
    const { token } = await share(app, author)
    const ids = await questionIdsOf(token)
    const first = await startAs(token, taker)
    await answerAs(first, taker, ids[0] ?? '', 'venus')
    await call('POST', `/api/attempts/${first}/finish`, taker)
    const firstResult = await call('GET', `/api/attempts/${first}/result`, taker)
    expect(keysOf((firstResult.json() as Review).review)).toEqual([
      shown(0),
      withheld('answered_only'),
      withheld('answered_only'),
      withheld('answered_only'),
    ])
    expect(firstResult.body).not.toContain('Paris')

    const second = await startAs(token, taker)
    const secondAttempt = (await call('GET', `/api/attempts/${second}`, taker)).json()
    expect(secondAttempt.answers).toEqual([])
    expectNoKeyText(JSON.stringify(secondAttempt))
  })

  it('gets no result, so no key, for an attempt that is not finished', async () => {
    const { token } = await share(app, author, { showAnswers: 'after_finishing' })
    const ids = await questionIdsOf(token)
    const attemptId = await startAs(token, taker)
    await answerAs(attemptId, taker, ids[0] ?? '', 'mars')
    const response = await call('GET', `/api/attempts/${attemptId}/result`, taker)
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('ATTEMPT_NOT_FINISHED')
    expectNoKeyText(response.body)
    expect(response.body).not.toContain('correctAnswer')
    expect(response.body).not.toContain('explanation')
  })

  it('takes no answer to a real question once the link has expired', async () => {
    const { token } = await share(app, author, { expiresInHours: 1 })
    const ids = await questionIdsOf(token)
    const attemptId = await startAs(token, taker)
    await app.db
      .update(questionSets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(questionSets.token, token))
    const response = await answerAs(attemptId, taker, ids[0] ?? '', 'mars')
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('SHARE_EXPIRED')
    expectNoKeyText(response.body)
    const attempt = (await call('GET', `/api/attempts/${attemptId}`, taker)).json()
    expect(attempt).toMatchObject({ answers: [], score: 0 })
  })
})

describe('a group session', () => {
  it('keeps the key of skipped questions from a member who finishes early until the session is closed', async () => {
    const host = await signUp(app, 'Host')
    const early = await signUp(app, 'Early finisher')
    const slow = await signUp(app, 'Still answering')
    const group = (
      await call('POST', '/api/groups', host, { name: 'Class', privacy: 'public', timezone: 'UTC' })
    ).json()
    for (const user of [early, slow]) {
      expect((await call('POST', `/api/join/${group.joinCode}`, user, {})).statusCode).toBeLessThan(
        300,
      )
    }
    const base = `/api/groups/${group.id}/sessions`
    const session = (
      await call('POST', `${base}/create-instant`, host, {
        source: { kind: 'manual', loop: sampleLoop, questions: sampleQuestions },
      })
    ).json()
    const ids = (await call('GET', `${base}/${session.id}`, early))
      .json()
      .questions.map((q: { id: string }) => q.id)

    const earlyAttempt = (await call('POST', `${base}/${session.id}/join`, early)).json()
    const answered = await answerAs(earlyAttempt.id, early, ids[0], 'mars')
    expect(keysOf([answered.json()])).toEqual([shown(0)])
    const finished = await call('POST', `/api/attempts/${earlyAttempt.id}/finish`, early)
    const pending = [shown(0), ...[1, 2, 3].map(() => withheld('on_session_end'))]
    expect(keysOf((finished.json() as Review).review)).toEqual(pending)
    expect(finished.body).not.toContain('Paris')
    const reread = await call('GET', `/api/attempts/${earlyAttempt.id}/result`, early)
    expect(keysOf((reread.json() as Review).review)).toEqual(pending)
    const rejoined = await call('POST', `${base}/${session.id}/join`, early)
    expect(rejoined.body).not.toContain('Paris')

    const slowAttempt = (await call('POST', `${base}/${session.id}/join`, slow)).json()
    const slowAnswer = await answerAs(slowAttempt.id, slow, ids[3], 'Paris')
    expect(slowAnswer.json()).toMatchObject({ correct: true, points: 1 })

    expect((await call('POST', `${base}/${session.id}/end`, host)).statusCode).toBe(200)
    // A late window the host opens keeps the session taking answers, so the key still waits.
    const lateWindow = `${base}/${session.id}/late-window`
    const lateUntil = new Date(Date.now() + 3_600_000).toISOString()
    expect((await call('PUT', lateWindow, host, { lateUntil })).statusCode).toBe(200)
    const during = (await call('GET', `/api/attempts/${earlyAttempt.id}/result`, early)).json()
    expect(keysOf(during.review)).toEqual(pending)
    expect((await call('PUT', lateWindow, host, { lateUntil: null })).statusCode).toBe(200)

    const released = (await call('GET', `/api/attempts/${earlyAttempt.id}/result`, early)).json()
    expect(keysOf(released.review)).toEqual(fullKey.map((_, index) => shown(index)))
  })
})
