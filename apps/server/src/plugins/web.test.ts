import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp, share, signUp } from '../test/test-app.ts'

// A small build as Vite and its compression plugin write it: a fingerprinted script with its
// Brotli and gzip copies.
const script = `export const greeting = ${JSON.stringify('hello '.repeat(500))}\n`
const distDir = await mkdtemp(path.join(tmpdir(), 'loopquiz-web-test-'))
await mkdir(path.join(distDir, 'assets'))
await writeFile(path.join(distDir, 'index.html'), '<!doctype html><title>LoopQuiz</title>')
await writeFile(path.join(distDir, 'assets/index-Abc123.js'), script)
await writeFile(path.join(distDir, 'assets/index-Abc123.js.br'), brotliCompressSync(script))
await writeFile(path.join(distDir, 'assets/index-Abc123.js.gz'), gzipSync(script))
afterAll(() => rm(distDir, { recursive: true, force: true }))

const app = await createTestApp({ webDistDir: distDir })

describe('web app files', () => {
  it('sends the Brotli copy of a hashed asset to a client that accepts br, cached for good', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/index-Abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toMatch(/javascript/)
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.headers.vary).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script)
  })

  it('sends the gzip copy to a client that accepts only gzip', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/index-Abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('sends the plain file to a client that accepts no compression', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/index-Abc123.js',
      headers: { 'accept-encoding': 'identity' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.body).toBe(script)
  })

  it('serves a client route the app page, never cached without revalidation', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/questions/some-token',
      headers: { 'accept-encoding': 'identity' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toContain('<title>LoopQuiz</title>')
  })
})

describe('API responses', () => {
  it('compresses a large JSON response for a client that accepts br', async () => {
    const author = await signUp(app)
    const questions = Array.from({ length: 40 }, (_, index) => ({
      type: 'true_false' as const,
      prompt: `Statement number ${index + 1} about the loop: is it true?`,
      correct: true,
      points: 1,
    }))
    const { token } = await share(app, author, { questions })
    const request = { method: 'GET', url: `/api/questions/${token}` } as const

    const plain = await app.inject({ ...request, headers: { 'accept-encoding': 'identity' } })
    const compressed = await app.inject({ ...request, headers: { 'accept-encoding': 'br' } })

    expect(plain.statusCode).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(compressed.statusCode).toBe(200)
    expect(compressed.headers['content-encoding']).toBe('br')
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length)
    expect(JSON.parse(brotliDecompressSync(compressed.rawPayload).toString())).toEqual(plain.json())
  })

  it('leaves a small JSON response uncompressed', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'br' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
  })
})
