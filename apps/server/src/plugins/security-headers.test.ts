import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../test/test-app.ts'

const webDistDir = await mkdtemp(path.join(tmpdir(), 'loopquiz-web-'))
afterAll(() => rm(webDistDir, { recursive: true, force: true }))
await writeFile(path.join(webDistDir, 'index.html'), '<!doctype html><title>LoopQuiz</title>')
const app = await createTestApp({ webDistDir })

/** The Content-Security-Policy header as a map of directive → sources. */
function policyOf(header: unknown): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  )
}

describe('security headers', () => {
  it.each([
    ['an API response', '/api/health'],
    ['the web app’s index', '/'],
    ['a client-side route of the web app', '/groups/some-group'],
  ])('are on %s', async (_, url) => {
    const response = await app.inject({ method: 'GET', url })
    expect(response.statusCode).toBe(200)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    const policy = policyOf(response.headers['content-security-policy'])
    expect(policy.get('default-src')).toEqual(["'self'"])
    // The loop editor's YouTube player needs the IFrame Player API script, and nothing else.
    expect(policy.get('script-src')).toEqual(["'self'", 'https://www.youtube.com'])
    expect(policy.get('frame-ancestors')).toEqual(["'self'"])
    expect(policy.get('frame-src')).toEqual([
      'https://www.youtube.com',
      'https://www.youtube-nocookie.com',
    ])
    expect(policy.get('img-src')).toContain('https://i.ytimg.com')
    expect(policy.get('media-src')).toEqual(expect.arrayContaining(['https:', 'http:']))
    // http: video URLs must stay http:, or the ones users paste stop playing.
    expect(policy.has('upgrade-insecure-requests')).toBe(false)
  })

  it('give the API docs (Swagger UI) a policy of their own that lets them render', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/docs' })
    expect(response.statusCode).toBe(200)
    const policy = policyOf(response.headers['content-security-policy'])
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('img-src')).toContain('validator.swagger.io')
    expect(policy.get('frame-ancestors')).toEqual(["'self'"])
    expect(policy.has('upgrade-insecure-requests')).toBe(false)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })
})
