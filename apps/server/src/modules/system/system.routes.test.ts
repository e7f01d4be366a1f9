import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestApp } from '../../test/test-app.ts'

const webDistDir = await mkdtemp(path.join(tmpdir(), 'loopquiz-web-'))
await writeFile(path.join(webDistDir, 'index.html'), '<!doctype html><title>LoopQuiz</title>')
const app = await createTestApp({ webDistDir })

describe('health', () => {
  it('reports the version and a reachable database', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { reachable: true },
    })
  })
})

describe('OpenAPI', () => {
  it('documents every contract endpoint as OpenAPI 3.1 at /api/docs', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(response.statusCode).toBe(200)
    const document = response.json()
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/share-questions',
        '/api/questions/{token}',
        '/api/attempts/{attemptId}/answers',
        '/api/extension/recent-loops',
      ]),
    )
    const share = document.paths['/api/share-questions'].post
    expect(share.requestBody.content['application/json'].schema.required).toContain('questions')
    const html = await app.inject({ method: 'GET', url: '/api/docs' })
    expect(html.statusCode).toBeLessThan(400)
  })
})

describe('errors', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route GET /api/nothing-here' },
    })
  })

  it('answers malformed JSON with a 400 in the error model', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/questions/AAAAAAAAAAAAAAAAAAAAAA/attempts',
      headers: { 'content-type': 'application/json' },
      payload: '{"displayName": ',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION_FAILED')
  })
})

describe('web app', () => {
  it('serves index.html for client routes so deep links work', async () => {
    for (const url of ['/', '/questions/abc', '/login?next=%2F']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(200)
      expect(response.body).toContain('<title>LoopQuiz</title>')
    }
  })

  it('answers a missing asset with 404 rather than the page', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/missing.js' })
    expect(response.statusCode).toBe(404)
  })
})
