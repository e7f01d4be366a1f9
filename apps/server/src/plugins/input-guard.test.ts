import type { FieldIssue } from '@loopquiz/contract'
import type { LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { createTestApp, sampleQuestions, share, signUp, TEST_ORIGIN } from '../test/test-app.ts'

const app = await createTestApp()
const owner = await signUp(app, 'Owner')

/** The caller sees a 400 VALIDATION_FAILED whose details name the field. */
function expectRefusedField(response: LightMyRequestResponse, path: string) {
  expect(response.statusCode, response.body).toBe(400)
  const { error } = response.json() as {
    error: { code: string; message: string; details: FieldIssue[] }
  }
  expect(error.code).toBe('VALIDATION_FAILED')
  expect(error.details.map((issue) => issue.path)).toContain(path)
  expect(error.message).toContain(path)
}

describe('a NUL character (PostgreSQL text and jsonb cannot hold it)', () => {
  it('is refused in a group name, naming body.name', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: owner.bearer,
      payload: { name: 'Study\u0000circle' },
    })
    expectRefusedField(response, 'body.name')
  })

  it('is refused in the display name of a guest attempt', async () => {
    const { token } = await share(app, owner)
    const response = await app.inject({
      method: 'POST',
      url: `/api/questions/${token}/attempts`,
      payload: { displayName: 'Guest\u0000' },
    })
    expectRefusedField(response, 'body.displayName')
  })

  it('is refused in a question prompt of a share, naming the question', async () => {
    const [first, ...rest] = sampleQuestions
    const response = await app.inject({
      method: 'POST',
      url: '/api/share-questions',
      headers: owner.bearer,
      payload: {
        loop: {
          videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
          videoTitle: 'Big Buck Bunny',
          provider: 'youtube',
          videoId: 'aqz-KE-bpKQ',
          startS: 10,
          endS: 25.5,
        },
        questions: [...rest, { ...first, prompt: 'Which planet\u0000?' }],
      },
    })
    expectRefusedField(response, `body.questions.${rest.length}.prompt`)
  })

  it('is refused as %00 in a path token', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/questions/abcdefghijklmnop%00' })
    expectRefusedField(response, 'params.token')
  })

  it('is refused in a query string', async () => {
    const group = await app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: owner.bearer,
      payload: { name: 'Filtered' },
    })
    const { id } = group.json() as { id: string }
    const response = await app.inject({
      method: 'GET',
      url: `/api/groups/${id}/sessions?createdBy=someone%00`,
      headers: owner.bearer,
    })
    expectRefusedField(response, 'query.createdBy')
  })

  it('is refused in sign-up (Better Auth stores the name as text too)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_ORIGIN },
      payload: { name: 'Ada\u0000', email: 'nul@example.test', password: 'correct-horse-battery' },
    })
    expectRefusedField(response, 'body.name')
  })
})

describe('a URL the router cannot read', () => {
  it("gets the contract's error body naming params, not Fastify's own", async () => {
    for (const [url, status] of [
      ['/api/questions/%zz', 400],
      ['/api/attempts/%ed%a0%80', 400],
      [`/api/questions/${'a'.repeat(500)}`, 414],
    ] as const) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(status)
      const { error } = response.json() as { error: { code: string; details: FieldIssue[] } }
      expect(error.code).toBe('VALIDATION_FAILED')
      expect(error.details.map((issue) => issue.path)).toEqual(['params'])
    }
  })
})

describe('a forged page cursor', () => {
  // Each is valid base64url of JSON the API never gave out.
  const forged = [
    ['2026-01-01T00:00:00.000Z', 'not-a-uuid'],
    ['2', '0'],
    ['-271821-04-20T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'],
    ['2026-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000', 'extra'],
    { at: '2026-01-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' },
    'ab',
    42,
    null,
  ].map((value) => Buffer.from(JSON.stringify(value)).toString('base64url'))

  it('is refused with 400 naming query.cursor on every paginated list', async () => {
    const { id: groupId } = (
      await app.inject({
        method: 'POST',
        url: '/api/groups',
        headers: owner.bearer,
        payload: { name: 'Paged' },
      })
    ).json() as { id: string }
    const lists = [
      '/api/loops',
      '/api/extension/recent-loops',
      '/api/question-sets',
      '/api/attempts',
      `/api/groups/${groupId}/sessions`,
    ]
    for (const list of lists) {
      for (const cursor of forged) {
        const response = await app.inject({
          method: 'GET',
          url: `${list}?cursor=${cursor}`,
          headers: owner.bearer,
        })
        expectRefusedField(response, 'query.cursor')
      }
    }
  })
})

describe('deeply nested JSON', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

  it('is refused at sign-in with 400 instead of overflowing the stack', async () => {
    for (const payload of [
      deep(200_000),
      `{"email":${deep(200_000)},"password":"x"}`,
      `{"email":"a@example.test","password":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`,
    ]) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' },
        payload,
      })
      expectRefusedField(response, 'body')
    }
  })

  it('is refused on contract endpoints too, and ordinary nesting still passes', async () => {
    const tooDeep = await app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: { ...owner.bearer, 'content-type': 'application/json' },
      payload: `{"name":"Deep","tags":${deep(1_000)}}`,
    })
    expectRefusedField(tooDeep, 'body')
    const ordinary = await app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: { ...owner.bearer, 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({
        name: 'Ordinary',
        // Brackets and escaped quotes inside a string are text, not nesting.
        description: `"${'[{'.repeat(100)}\\"`,
        settings: { allowed_time_slots: [{ days: [1, 2], start: '18:00', end: '20:00' }] },
      }),
    })
    expect(ordinary.statusCode, ordinary.body).toBe(201)
  })
})
