import { mkdtempSync } from 'node:fs'
import { readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { CreateLoopBody, CreateShareBody, EndpointInput, Endpoints } from '@loopquiz/contract'
import { simpleParser } from 'mailparser'
import { afterAll } from 'vitest'
import { type App, type AppOptions, buildApp } from '../app.ts'
import { type Config, loadConfig } from '../config/env.ts'
import type { Database, DatabaseHandle } from '../db/database.ts'
import { openTestDatabase } from './databases.ts'

export const TEST_ORIGIN = 'http://localhost:3000'

/** The app plus its database, for arranging states no endpoint creates (such as the passing of time). */
export type TestApp = App & { db: Database; database: DatabaseHandle; mailDir: string }

/** The app on a fresh database of its own, closed after the file's tests. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { database?: DatabaseHandle; timing?: AppOptions['timing'] } = {},
): Promise<TestApp> {
  // Several apps on one database stand for several server nodes.
  const ownsDatabase = options.database === undefined
  const database = options.database ?? (await openTestDatabase())
  const ownMailDir = mkdtempSync(path.join(tmpdir(), 'loopquiz-test-mail-'))
  const config: Config = {
    ...loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DEMO_DATA: 'false',
      PUBLIC_URL: TEST_ORIGIN,
    }),
    authRateLimitPerMinute: 1000,
    webDistDir: '/nonexistent',
    // Mail without an SMTP server is written here; never into the repository's ./data.
    mailDir: ownMailDir,
    ...overrides,
  }
  const app = await buildApp({
    config,
    database,
    authSecret: 'test-secret-that-is-long-enough-000000',
    timing: { pollingIntervalSeconds: 0.5, ...options.timing },
  })
  afterAll(async () => {
    await app.close()
    if (ownsDatabase) await database.close()
    await rm(ownMailDir, { recursive: true, force: true })
  })
  return Object.assign(app, { db: database.db, database, mailDir: config.mailDir })
}

export interface TestUser {
  id: string
  name: string
  email: string
  /** Headers of a signed-in request by bearer token (the extension's way). */
  bearer: { authorization: string }
  /**
   * Headers of a signed-in request by session cookie from the web app's page (the web app's
   * way): browsers send the page's Origin with every write, and cookie writes need it.
   */
  cookie: { cookie: string; origin: string }
}

let userCount = 0

export async function signUp(app: App, name = `User ${++userCount}`): Promise<TestUser> {
  const email = `user-${userCount}-${Math.random().toString(36).slice(2, 8)}@example.test`
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin: TEST_ORIGIN },
    payload: { name, email, password: 'correct-horse-battery' },
  })
  if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.body}`)
  const token = response.headers['set-auth-token']
  const setCookie = response.headers['set-cookie']
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((c) => c.split(';')[0])
    .join('; ')
  const { user } = response.json() as { user: { id: string } }
  return {
    id: user.id,
    name,
    email,
    bearer: { authorization: `Bearer ${String(token)}` },
    cookie: { cookie, origin: TEST_ORIGIN },
  }
}

export const sampleQuestions = [
  {
    type: 'single',
    prompt: 'Which planet is known as the red planet?',
    options: [
      { id: 'venus', text: 'Venus' },
      { id: 'mars', text: 'Mars' },
    ],
    correct: 'mars',
    explanation: 'Iron oxide makes its surface red.',
    points: 2,
  },
  {
    type: 'multiple',
    prompt: 'Which of these are primary colours of light?',
    options: [
      { id: 'r', text: 'Red' },
      { id: 'g', text: 'Green' },
      { id: 'y', text: 'Yellow' },
      { id: 'b', text: 'Blue' },
    ],
    correct: ['r', 'g', 'b'],
  },
  { type: 'true_false', prompt: 'Water boils at 100 °C at sea level.', correct: true },
  {
    type: 'short_text',
    prompt: 'What is the capital of France?',
    correct: ['Paris'],
    explanation: 'Paris has been the capital since 987.',
  },
] satisfies CreateShareInput['questions']

type CreateShareInput = EndpointInput<Endpoints['createShare']>['body']

export const sampleLoop = {
  videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
  videoTitle: 'Big Buck Bunny',
  provider: 'youtube',
  videoId: 'aqz-KE-bpKQ',
  startS: 10,
  endS: 25.5,
} satisfies Partial<CreateLoopBody>

export async function share(
  app: App,
  user: TestUser,
  body: Partial<CreateShareBody> = {},
): Promise<{ token: string; shareUrl: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/share-questions',
    headers: user.bearer,
    payload: { loop: sampleLoop, questions: sampleQuestions, ...body },
  })
  if (response.statusCode !== 201) throw new Error(`share failed: ${response.body}`)
  return response.json()
}

/**
 * Confirms the user's address as they would: opens the confirmation mail the server wrote to its
 * mail folder (no SMTP server in tests) and follows its link.
 */
export async function confirmEmail(app: TestApp, user: TestUser): Promise<void> {
  const link = await linkInMailTo(app.mailDir, user.email, '/api/auth/verify-email')
  const response = await app.inject({ method: 'GET', url: link.pathname + link.search })
  if (response.statusCode >= 400) throw new Error(`confirmation failed: ${response.body}`)
}

/** The first link starting with `pathPrefix` in the newest mail to `address`, waiting for it. */
export async function linkInMailTo(mailDir: string, address: string, pathPrefix: string) {
  const deadline = Date.now() + 15_000
  for (;;) {
    const names = (await readdir(mailDir).catch(() => [])).sort().reverse()
    for (const name of names) {
      const mail = await simpleParser(await readFile(path.join(mailDir, name)))
      const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []
      if (!to.some((entry) => entry.value.some((value) => value.address === address))) continue
      for (const match of (mail.text ?? '').matchAll(/https?:\/\/\S+/g)) {
        const url = new URL(match[0])
        if (url.pathname.startsWith(pathPrefix)) return url
      }
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${address} with a ${pathPrefix} link`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
