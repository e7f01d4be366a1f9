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
await writeFile(
  path.join(distDir, 'index.html'),
  '<!doctype html><head><title>LoopQuiz</title></head><body><div id="root"></div></body>',
)
// The copies the build draws for guests (apps/web's prerender plugin).
const page = (root: string) =>
  `<!doctype html><head><title>LoopQuiz</title><script type="module" crossorigin src="/assets/index-Abc123.js"></script></head><body><div id="root">${root}</div></body>`
await writeFile(
  path.join(distDir, 'guest-landing.html'),
  page('<h1>Turn a moment of video into a quiz</h1>'),
)
await writeFile(path.join(distDir, 'guest-shell.html'), page('<p>Loading…</p>'))
await mkdir(path.join(distDir, '.vite'))
// The manifest as Vite writes it: the entry, the app it starts, the quiz page's chunk and one
// chunk of its own.
await writeFile(
  path.join(distDir, '.vite/manifest.json'),
  JSON.stringify({
    'index.html': {
      file: 'assets/index-Abc123.js',
      isEntry: true,
      imports: ['_react-Def.js'],
      dynamicImports: ['src/app/start.tsx'],
    },
    '_react-Def.js': { file: 'assets/react-Def.js' },
    'src/app/start.tsx': { file: 'assets/start-Mno.js', imports: ['_react-Def.js'] },
    'src/app/routes/quiz.tsx': {
      file: 'assets/quiz-Ghi.js',
      isDynamicEntry: true,
      imports: ['_react-Def.js', 'index.html', '_storage-Jkl.js'],
    },
    '_storage-Jkl.js': { file: 'assets/storage-Jkl.js' },
  }),
)
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

  it("names a quiz page's own chunks and its question set for a guest to fetch at once", async () => {
    const response = await app.inject({ method: 'GET', url: '/questions/a%20token' })
    const html = response.body
    expect(html).toContain('<meta name="loopquiz:viewer" content="guest">')
    expect(html).toContain(
      '<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/start-Mno.js">',
    )
    expect(html).toContain(
      '<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/quiz-Ghi.js">',
    )
    expect(html).toContain(
      '<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/storage-Jkl.js">',
    )
    // Those the entry loads anyway are not named twice.
    expect(html).not.toContain('react-Def.js')
    expect(html).not.toContain('href="/assets/index-Abc123.js"')
    expect(html).toContain(
      '<link rel="preload" as="fetch" crossorigin="use-credentials" href="/api/questions/a%20token">',
    )
    expect(response.headers.vary).toMatch(/cookie/i)
  })

  it('tells the page nothing of a guest to a signed-in visitor, nor a question set of a session', async () => {
    const member = await signUp(app)
    const response = await app.inject({
      method: 'GET',
      url: '/questions/some-token?groupId=g&sessionId=s',
      headers: member.cookie,
    })
    expect(response.statusCode).toBe(200)
    expect(response.body).not.toContain('loopquiz:viewer')
    expect(response.body).not.toContain('/api/questions/')
  })

  it('sends a guest the landing page drawn, its scripts at low priority and after it', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('<h1>Turn a moment of video into a quiz</h1>')
    // The entry fetches the app once the page is on screen.
    expect(response.body).not.toContain('start-Mno.js')
    expect(response.body).toContain(
      '<script type="module" fetchpriority="low" crossorigin src="/assets/index-Abc123.js">',
    )
  })

  it('sends a guest every other page as the drawn shell, its scripts at low priority', async () => {
    const response = await app.inject({ method: 'GET', url: '/login' })
    expect(response.body).toContain('<p>Loading…</p>')
    expect(response.body).toContain(
      '<script type="module" fetchpriority="low" crossorigin src="/assets/index-Abc123.js">',
    )
    expect(response.body).toContain(
      '<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/start-Mno.js">',
    )
  })

  it('sends a signed-in visitor the plain page: their header is not the one drawn for guests', async () => {
    const member = await signUp(app)
    const response = await app.inject({ method: 'GET', url: '/', headers: member.cookie })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('<div id="root"></div>')
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
