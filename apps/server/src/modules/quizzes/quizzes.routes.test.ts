import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { questionSets } from '../../db/schema/quizzes.ts'
import {
  createTestApp,
  sampleQuestions,
  share,
  signUp,
  type TestUser,
} from '../../test/test-app.ts'

const app = await createTestApp()
const author = await signUp(app, 'Author')
const taker = await signUp(app, 'Taker')

interface PublicSet {
  questions: { id: string; type: string; options?: { id: string }[] }[]
}

async function getSet(token: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url: `/api/questions/${token}`, headers })
}

async function start(token: string, user: TestUser | null, displayName?: string) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/questions/${token}/attempts`,
    headers: user?.bearer ?? {},
    payload: displayName === undefined ? {} : { displayName },
  })
  return response
}

async function answer(
  attemptId: string,
  body: Record<string, unknown>,
  user: TestUser | null = taker,
) {
  return app.inject({
    method: 'POST',
    url: `/api/attempts/${attemptId}/answers`,
    headers: user?.bearer ?? {},
    payload: body,
  })
}

let answerCounter = 0
const nextAnswerId = () => `answer-${++answerCounter}-${Date.now()}`

describe('sharing a question set', () => {
  it('returns an unguessable token and a link to the quiz page', async () => {
    const { token, shareUrl } = await share(app, author)
    expect(token).toMatch(/^[A-Za-z0-9_-]{22,}$/)
    expect(shareUrl).toBe(`http://localhost:3000/questions/${token}`)
  })

  it('never sends correct answers or explanations with the questions', async () => {
    const { token } = await share(app, author)
    const response = await getSet(token)
    expect(response.statusCode).toBe(200)
    const text = response.body
    expect(text).not.toContain('"correct"')
    expect(text).not.toContain('explanation')
    expect(text).not.toContain('Paris')
    const set = response.json()
    expect(set).toMatchObject({ ownerName: 'Author', totalPoints: 5 })
    expect(set.questions.map((q: { type: string }) => q.type)).toEqual([
      'single',
      'multiple',
      'true_false',
      'short_text',
    ])
  })

  it('shares one of my loops by id, copying it so later edits do not change the quiz', async () => {
    const loop = (
      await app.inject({
        method: 'POST',
        url: '/api/loops',
        headers: author.bearer,
        payload: {
          videoUrl: 'https://example.com/talk.mp4',
          videoTitle: 'Original title',
          provider: 'html5',
          startS: 1,
          endS: 2,
        },
      })
    ).json()
    const { token } = await share(app, author, { loop: undefined, loopId: loop.id })
    await app.inject({
      method: 'PATCH',
      url: `/api/loops/${loop.id}`,
      headers: author.bearer,
      payload: { videoTitle: 'Edited later' },
    })
    const set = (await getSet(token)).json()
    expect(set.title).toBe('Original title')
    expect(set.loop.videoTitle).toBe('Original title')
  })

  it("refuses to share someone else's loop", async () => {
    const loop = (
      await app.inject({
        method: 'POST',
        url: '/api/loops',
        headers: author.bearer,
        payload: {
          videoUrl: 'https://example.com/a.mp4',
          videoTitle: 'Mine',
          provider: 'html5',
          startS: 0,
          endS: 3,
        },
      })
    ).json()
    const response = await app.inject({
      method: 'POST',
      url: '/api/share-questions',
      headers: taker.bearer,
      payload: { loopId: loop.id, questions: sampleQuestions },
    })
    expect(response.statusCode).toBe(404)
  })

  it('refuses an invalid body with 400 naming the fields', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/share-questions',
      headers: author.bearer,
      payload: {
        loop: {
          videoUrl: 'https://example.com/a.mp4',
          videoTitle: 'x',
          provider: 'html5',
          startS: 0,
          endS: 3,
        },
        questions: [
          {
            type: 'single',
            prompt: '',
            options: [
              { id: 'a', text: 'A' },
              { id: 'b', text: 'B' },
            ],
            correct: 'z',
          },
        ],
      },
    })
    expect(response.statusCode).toBe(400)
    const paths = response.json().error.details.map((d: { path: string }) => d.path)
    expect(paths).toEqual(
      expect.arrayContaining(['body.questions.0.prompt', 'body.questions.0.correct']),
    )
  })

  it('needs a signed-in author', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/share-questions', payload: {} })
    expect(response.statusCode).toBe(401)
  })

  it('lists the sets I shared with their attempt counts', async () => {
    const user = await signUp(app)
    const { token } = await share(app, user, { title: 'Counted' })
    await start(token, taker)
    const list = await app.inject({
      method: 'GET',
      url: '/api/question-sets',
      headers: user.bearer,
    })
    expect(list.json().items).toEqual([
      expect.objectContaining({ token, title: 'Counted', attemptCount: 1, questionCount: 4 }),
    ])
  })
})

describe('unknown, expired and restricted links', () => {
  it('answers 404 SHARE_NOT_FOUND with a clear message for an unknown token', async () => {
    const response = await getSet('AAAAAAAAAAAAAAAAAAAAAA')
    expect(response.statusCode).toBe(404)
    expect(response.json().error).toMatchObject({ code: 'SHARE_NOT_FOUND' })
    expect(response.json().error.message).toMatch(/no quiz at this link/i)
  })

  it('answers 404 SHARE_EXPIRED once the expiry has passed, and takes no more answers', async () => {
    const { token, expiresAt } = (await app
      .inject({
        method: 'POST',
        url: '/api/share-questions',
        headers: author.bearer,
        payload: {
          loop: {
            videoUrl: 'https://example.com/a.mp4',
            videoTitle: 'x',
            provider: 'html5',
            startS: 0,
            endS: 3,
          },
          questions: sampleQuestions,
          expiresInHours: 1,
        },
      })
      .then((r) => r.json())) as { token: string; expiresAt: string }
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(59 * 60 * 1000)
    expect((await getSet(token)).statusCode).toBe(200)
    const attempt = (await start(token, taker)).json()

    await app.db
      .update(questionSets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(questionSets.token, token))

    const response = await getSet(token)
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('SHARE_EXPIRED')
    expect(response.json().error.message).toMatch(/expired/)
    const set = attempt as { answers: unknown[] }
    expect(set.answers).toEqual([])
    const late = await answer(attempt.id, {
      clientAnswerId: nextAnswerId(),
      questionId: 'anything',
      response: true,
    })
    expect(late.statusCode).toBe(400)
  })

  it('asks guests to sign in for a signed-in-only set', async () => {
    const { token } = await share(app, author, { visibility: 'signed_in' })
    const guest = await getSet(token)
    expect(guest.statusCode).toBe(401)
    expect(guest.json().error.code).toBe('SHARE_REQUIRES_SIGN_IN')
    expect((await start(token, null, 'Guest')).statusCode).toBe(401)
    expect((await getSet(token, taker.cookie)).statusCode).toBe(200)
  })
})

describe('taking a quiz', () => {
  it('grades every question type on the server and gives the result with a review', async () => {
    const { token } = await share(app, author)
    const set = (await getSet(token)).json() as PublicSet
    const attempt = (await start(token, taker)).json()
    expect(attempt).toMatchObject({
      status: 'in_progress',
      displayName: 'Taker',
      maxScore: 5,
      score: 0,
    })

    const [single, multiple, trueFalse, shortText] = set.questions
    const results = []
    for (const [question, response] of [
      [single, 'mars'],
      [multiple, ['r', 'g']],
      [trueFalse, true],
      [shortText, '  paris '],
    ] as const) {
      const result = await answer(attempt.id, {
        clientAnswerId: nextAnswerId(),
        questionId: question?.id,
        response,
      })
      expect(result.statusCode).toBe(200)
      results.push(result.json())
    }
    expect(results.map((r) => [r.correct, r.points, r.maxPoints])).toEqual([
      [true, 2, 2],
      [false, 0, 1],
      [true, 1, 1],
      [true, 1, 1],
    ])
    expect(results[0].explanation).toBe('Iron oxide makes its surface red.')
    expect(results[1].correctAnswer).toEqual(['r', 'g', 'b'])

    const finished = await app.inject({
      method: 'POST',
      url: `/api/attempts/${attempt.id}/finish`,
      headers: taker.bearer,
    })
    expect(finished.statusCode).toBe(200)
    const result = finished.json()
    expect(result).toMatchObject({ score: 4, maxScore: 5, correctCount: 3, questionCount: 4 })
    expect(result.review.map((r: { answer: { correct: boolean } }) => r.answer.correct)).toEqual([
      true,
      false,
      true,
      true,
    ])
    expect(result.review[3]).toMatchObject({ keyStatus: 'shown', correctAnswer: ['Paris'] })
    expect(result.review[3].question).not.toHaveProperty('correct')
  })

  it('records nothing new when the same answer is sent again with the same id', async () => {
    const { token } = await share(app, author)
    const set = (await getSet(token)).json() as PublicSet
    const attempt = (await start(token, taker)).json()
    const body = {
      clientAnswerId: nextAnswerId(),
      questionId: set.questions[0]?.id,
      response: 'mars',
    }
    const first = (await answer(attempt.id, body)).json()
    const again = await Promise.all([answer(attempt.id, body), answer(attempt.id, body)])
    for (const response of again) {
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual(first)
    }
    const state = (
      await app.inject({ method: 'GET', url: `/api/attempts/${attempt.id}`, headers: taker.bearer })
    ).json()
    expect(state.answers).toHaveLength(1)
    expect(state.score).toBe(2)
  })

  it('keeps the first answer when a question is answered again under a new id', async () => {
    const { token } = await share(app, author)
    const set = (await getSet(token)).json() as PublicSet
    const attempt = (await start(token, taker)).json()
    const questionId = set.questions[2]?.id
    await answer(attempt.id, { clientAnswerId: nextAnswerId(), questionId, response: false })
    const second = await answer(attempt.id, {
      clientAnswerId: nextAnswerId(),
      questionId,
      response: true,
    })
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toBe('ANSWER_ALREADY_RECORDED')
    const state = (
      await app.inject({ method: 'GET', url: `/api/attempts/${attempt.id}`, headers: taker.bearer })
    ).json()
    expect(state.answers).toHaveLength(1)
    expect(state.score).toBe(0)
  })

  it('refuses answers of the wrong shape and unknown questions', async () => {
    const { token } = await share(app, author)
    const set = (await getSet(token)).json() as PublicSet
    const attempt = (await start(token, taker)).json()
    const wrongShape = await answer(attempt.id, {
      clientAnswerId: nextAnswerId(),
      questionId: set.questions[0]?.id,
      response: true,
    })
    expect(wrongShape.statusCode).toBe(400)
    expect(wrongShape.json().error.code).toBe('ANSWER_DOES_NOT_FIT_QUESTION')
    const unknown = await answer(attempt.id, {
      clientAnswerId: nextAnswerId(),
      questionId: 'nope',
      response: true,
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.code).toBe('QUESTION_NOT_IN_SET')
  })

  it('takes no answers after finishing, and finishing twice gives the same result', async () => {
    const { token } = await share(app, author)
    const set = (await getSet(token)).json() as PublicSet
    const attempt = (await start(token, taker)).json()
    const finish = () =>
      app.inject({
        method: 'POST',
        url: `/api/attempts/${attempt.id}/finish`,
        headers: taker.bearer,
      })
    const first = (await finish()).json()
    const second = (await finish()).json()
    expect(second).toEqual(first)
    expect(first.review.every((r: { answer: unknown }) => r.answer === null)).toBe(true)
    const late = await answer(attempt.id, {
      clientAnswerId: nextAnswerId(),
      questionId: set.questions[0]?.id,
      response: 'mars',
    })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('ATTEMPT_FINISHED')
  })

  it('lets a guest take a public link under a display name', async () => {
    const { token } = await share(app, author)
    const set = (await getSet(token)).json() as PublicSet
    const noName = await start(token, null)
    expect(noName.statusCode).toBe(400)
    expect(noName.json().error.code).toBe('DISPLAY_NAME_REQUIRED')
    const attempt = (await start(token, null, 'Guest Grace')).json()
    expect(attempt.displayName).toBe('Guest Grace')
    const result = await answer(
      attempt.id,
      { clientAnswerId: nextAnswerId(), questionId: set.questions[2]?.id, response: true },
      null,
    )
    expect(result.json()).toMatchObject({ correct: true })
  })

  it("hides a user's attempt from everyone else", async () => {
    const { token } = await share(app, author)
    const attempt = (await start(token, taker)).json()
    for (const headers of [{}, author.bearer]) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/attempts/${attempt.id}`,
        headers,
      })
      expect(response.statusCode).toBe(404)
      const finish = await app.inject({
        method: 'POST',
        url: `/api/attempts/${attempt.id}/finish`,
        headers,
      })
      expect(finish.statusCode).toBe(404)
    }
  })

  it('lists my attempts, newest first, with scores', async () => {
    const user = await signUp(app)
    const { token } = await share(app, author, { title: 'First quiz' })
    const { token: second } = await share(app, author, { title: 'Second quiz' })
    await start(token, user)
    await start(second, user)
    const list = await app.inject({ method: 'GET', url: '/api/attempts', headers: user.cookie })
    expect(list.json().items.map((a: { title: string }) => a.title)).toEqual([
      'Second quiz',
      'First quiz',
    ])
    expect(list.json().items[0]).toMatchObject({ status: 'in_progress', score: 0, maxScore: 5 })
  })

  it('pages through my attempts with the cursor it gives out', async () => {
    const user = await signUp(app)
    const titles = ['One', 'Two', 'Three']
    for (const title of titles) await start((await share(app, author, { title })).token, user)
    const page = async (cursor?: string) =>
      (
        await app.inject({
          method: 'GET',
          url: `/api/attempts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          headers: user.bearer,
        })
      ).json()
    const first = await page()
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await page(first.nextCursor)
    expect([...first.items, ...second.items].map((a: { title: string }) => a.title)).toEqual([
      'Three',
      'Two',
      'One',
    ])
    expect(second.nextCursor).toBeNull()
  })
})
