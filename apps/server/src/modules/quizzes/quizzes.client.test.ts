import { ApiError, createApiClient, endpoints } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { createTestApp, sampleLoop, signUp } from '../../test/test-app.ts'

// The web app and the extension call the API through the contract's typed client;
// this drives that client over real HTTP against the server.
const app = await createTestApp()
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' })
const author = await signUp(app, 'Client Author')
const api = createApiClient({ baseUrl, headers: () => author.bearer })

describe('the typed API client', () => {
  it('shares, takes and finishes a quiz with parsed, typed responses', async () => {
    const { token } = await api(endpoints.createShare, {
      body: {
        loop: sampleLoop,
        questions: [{ type: 'true_false', prompt: 'Is the sky blue?', correct: true }],
      },
    })
    const set = await api(endpoints.getQuestionSet, { params: { token } })
    const question = set.questions[0]
    expect(question?.type).toBe('true_false')
    const attempt = await api(endpoints.startAttempt, { params: { token }, body: {} })
    const graded = await api(endpoints.submitAnswer, {
      params: { attemptId: attempt.id },
      body: { clientAnswerId: crypto.randomUUID(), questionId: question?.id ?? '', response: true },
    })
    expect(graded).toMatchObject({ correct: true, points: 1, correctAnswer: true })
    const result = await api(endpoints.finishAttempt, { params: { attemptId: attempt.id } })
    expect(result.score).toBe(1)
    const mine = await api(endpoints.findMyAttempts, { query: { limit: 5 } })
    expect(mine.items[0]?.id).toBe(attempt.id)
  })

  it('throws an ApiError carrying the code and message of the error body', async () => {
    const failure = await api(endpoints.getQuestionSet, {
      params: { token: 'AAAAAAAAAAAAAAAAAAAAAA' },
    }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ status: 404, code: 'SHARE_NOT_FOUND' })
  })

  it('deletes with a 204 and resolves to an empty object', async () => {
    const loop = await api(endpoints.createLoop, { body: sampleLoop })
    await expect(api(endpoints.deleteLoop, { params: { loopId: loop.id } })).resolves.toEqual({})
  })
})
