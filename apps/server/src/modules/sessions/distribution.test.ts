import { describe, expect, it } from 'vitest'
import { manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp, type TestUser } from '../../test/test-app.ts'

const app = await createTestApp()
const { call, setUpGroup } = sessionFixtures(app)

describe('the answer distribution', () => {
  it('counts per option, true and false, and only totals for short text, to a host', async () => {
    const { owner, admin, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, { source: manualSource })
    ).json()
    const ids: string[] = (await call('GET', `${base}/${session.id}`, owner))
      .json()
      .questions.map((q: { id: string }) => q.id)
    const [single, multiple, trueFalse, shortText] = ids
    async function answerAll(user: TestUser, responses: unknown[]) {
      const attempt = (await call('POST', `${base}/${session.id}/join`, user)).json()
      for (const [index, response] of responses.entries()) {
        const answered = await call('POST', `/api/attempts/${attempt.id}/answers`, user, {
          clientAnswerId: `${user.id}-${index}`,
          questionId: ids[index],
          response,
        })
        expect(answered.statusCode).toBe(200)
      }
    }
    await answerAll(member, ['mars', ['r', 'g', 'b'], true, 'Paris'])
    await answerAll(admin, ['venus', ['r', 'y'], true, 'Lyon'])

    const response = await call('GET', `${base}/${session.id}/answer-distribution`, owner)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      sessionId: session.id,
      questions: [
        {
          questionId: single,
          answeredCount: 2,
          correctCount: 1,
          counts: { venus: 1, mars: 1 },
          correctAnswer: 'mars',
        },
        {
          questionId: multiple,
          answeredCount: 2,
          correctCount: 1,
          counts: { r: 2, g: 1, y: 1, b: 1 },
          correctAnswer: ['r', 'g', 'b'],
        },
        {
          questionId: trueFalse,
          answeredCount: 2,
          correctCount: 2,
          counts: { true: 2, false: 0 },
          correctAnswer: true,
        },
        {
          questionId: shortText,
          answeredCount: 2,
          correctCount: 1,
          counts: {},
          correctAnswer: ['Paris'],
        },
      ],
    })
  })

  it('shows all zeros before anyone answers, and is refused to a member who is no host', async () => {
    const { owner, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, { source: manualSource })
    ).json()
    const empty = (await call('GET', `${base}/${session.id}/answer-distribution`, owner)).json()
    expect(empty.questions[0]).toMatchObject({
      answeredCount: 0,
      correctCount: 0,
      counts: { venus: 0, mars: 0 },
    })
    const refused = await call('GET', `${base}/${session.id}/answer-distribution`, member)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('FORBIDDEN')
  })
})
