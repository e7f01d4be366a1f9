import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ParsedMail, simpleParser } from 'mailparser'
import pg from 'pg'
import { SMTPServer } from 'smtp-server'
import { afterAll, describe, expect, it } from 'vitest'
import { loadTestEnv } from './config/test-env.ts'
import { databaseUrlFor } from './test/databases.ts'
import { sampleLoop, sampleQuestions } from './test/test-app.ts'

const serverFile = fileURLToPath(new URL('./server.ts', import.meta.url))
const { driver, adminUrl } = loadTestEnv()

async function newDataDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'loopquiz-server-'))
  afterAll(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/**
 * An empty PostgreSQL database, dropped after the file: the server must migrate it
 * itself on its first start, as in a new installation.
 */
async function newPostgresDatabase(url: string): Promise<string> {
  const name = `loopquiz_server_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })
  return databaseUrlFor(url, name)
}

/** Where a server keeps its data: a data directory, and on the PostgreSQL pass a database. */
async function newStorage(
  useDriver: 'pglite' | 'postgres' = driver,
): Promise<Record<string, string>> {
  const dataDir = await newDataDir()
  if (useDriver === 'pglite') return { DATA_DIR: dataDir }
  if (!adminUrl) throw new Error('the PostgreSQL pass needs TEST_DATABASE_URL')
  return { DATA_DIR: dataDir, DATABASE_URL: await newPostgresDatabase(adminUrl) }
}

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function startServer(port: number, storage: Record<string, string>) {
  const child = spawn(process.execPath, [serverFile], {
    env: {
      PATH: process.env.PATH,
      ...storage,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  return { child, output: () => output }
}

async function waitForHealth(port: number, child: ChildProcess) {
  // A first start creates and migrates its database: over half a minute on a busy CI machine.
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('server exited early')
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('server did not become healthy')
}

// Made at the top level, where their clean-up can be registered for the end of the file.
const storage = await newStorage()
// The embedded database's own directory, whichever database this pass runs on.
const lockedStorage = await newStorage('pglite')

describe(`the server process on ${driver === 'pglite' ? 'PGlite' : 'PostgreSQL'}`, () => {
  it('seeds demo data, stops cleanly on SIGTERM, and keeps its data across a restart', async () => {
    const port = await freePort()
    const first = startServer(port, storage)
    await waitForHealth(port, first.child)
    expect(first.output()).toMatch(/Demo account: demo@loopquiz\.dev/)
    const shareUrl = first.output().match(/Demo quiz:\s+(\S+)/)?.[1]
    const token = shareUrl?.split('/').at(-1)
    const quiz = await fetch(`http://127.0.0.1:${port}/api/questions/${token}`)
    expect(quiz.status).toBe(200)
    // The demo address gets no mail: its account counts as confirmed.
    const origin = `http://127.0.0.1:${port}`
    const signIn = await fetch(`${origin}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
      body: JSON.stringify({ email: 'demo@loopquiz.dev', password: 'loopquiz-demo' }),
    })
    expect(((await signIn.json()) as { user: { emailVerified: boolean } }).user.emailVerified).toBe(
      true,
    )

    first.child.kill('SIGTERM')
    const [exitCode] = await once(first.child, 'exit')
    expect(exitCode).toBe(0)

    const second = startServer(port, storage)
    await waitForHealth(port, second.child)
    expect(second.output()).not.toMatch(/Demo account/)
    expect((await fetch(`http://127.0.0.1:${port}/api/questions/${token}`)).status).toBe(200)
    second.child.kill('SIGTERM')
    await once(second.child, 'exit')
  }, 240_000)
})

// A lock on the data directory keeps the embedded database to one process (on PostgreSQL
// several servers share a database by design), so this always runs on PGlite.
describe('a second server on the same PGlite data directory', () => {
  it('is refused while the first runs, and starts once the first has stopped', async () => {
    const storage = lockedStorage
    const port = await freePort()
    const first = startServer(port, storage)
    await waitForHealth(port, first.child)

    const second = startServer(await freePort(), storage)
    const [code] = await once(second.child, 'exit')
    expect(code).toBe(1)
    expect(second.output()).toMatch(/Another LoopQuiz server is already using the data directory/)

    first.child.kill('SIGTERM')
    await once(first.child, 'exit')
    // The lock went with the first server: the data directory opens again.
    const third = startServer(port, storage)
    await waitForHealth(port, third.child)
    third.child.kill('SIGTERM')
    const [exitCode] = await once(third.child, 'exit')
    expect(exitCode).toBe(0)
  }, 240_000)
})

/** Signs a new account up over HTTP, as the web app does, and returns its bearer headers. */
async function signUpOverHttp(origin: string, name: string) {
  const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.test`
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ name, email, password: 'correct-horse-battery' }),
  })
  if (!response.ok) throw new Error(`sign-up failed: ${await response.text()}`)
  const headers = {
    authorization: `Bearer ${response.headers.get('set-auth-token')}`,
    'content-type': 'application/json',
  }
  return { email, headers }
}

/** Starts a server on data a killed one left: the embedded database's lock needs to go stale. */
async function restartAfterKill(port: number, env: Record<string, string>) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const server = startServer(port, env)
    const [code] = await Promise.race([
      once(server.child, 'exit'),
      waitForHealth(port, server.child).then(() => [null]),
    ])
    if (code === null) return server
    if (Date.now() > deadline) throw new Error(`restart failed: ${server.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 2000))
  }
}

const crashStorage = await newStorage()

describe('mail queued when the server is killed', () => {
  it('is sent once after the restart', async () => {
    const port = await freePort()
    const smtpPort = await freePort()
    const origin = `http://127.0.0.1:${port}`
    // No mail server yet: the first node can queue the mail but not send it.
    const env = { ...crashStorage, PUBLIC_URL: origin, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }
    const first = startServer(port, env)
    await waitForHealth(port, first.child)
    const owner = await signUpOverHttp(origin, 'Owner')
    const member = await signUpOverHttp(origin, 'Member')
    const post = (url: string, user: typeof owner, body: object) =>
      fetch(`${origin}${url}`, {
        method: 'POST',
        headers: user.headers,
        body: JSON.stringify(body),
      })
    const group = await (
      await post('/api/groups', owner, { name: 'Night class', privacy: 'public', timezone: 'UTC' })
    ).json()
    await post(`/api/join/${group.joinCode}`, member, {})
    const scheduled = await post(`/api/groups/${group.id}/sessions/schedule`, owner, {
      scheduledAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      source: { kind: 'manual', loop: sampleLoop, questions: sampleQuestions },
    })
    expect(scheduled.status).toBe(201)
    // The notification and its mail job are committed together: once it shows, the mail is queued.
    const deadline = Date.now() + 30_000
    for (;;) {
      const page = await (
        await fetch(`${origin}/api/notifications`, { headers: member.headers })
      ).json()
      if (page.items.length > 0) break
      if (Date.now() > deadline) throw new Error('the notification was never made')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    first.child.kill('SIGKILL')
    await once(first.child, 'exit')

    const received: ParsedMail[] = []
    const smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push(mail)
          callback()
        }, callback)
      },
    })
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve))
    const second = await restartAfterKill(port, env)
    try {
      const toMember = () =>
        received.filter(
          (mail) =>
            JSON.stringify(mail.to).includes(member.email) &&
            // Not the address confirmation every sign-up gets.
            mail.messageId?.startsWith('<notification-'),
        )
      const mailDeadline = Date.now() + 150_000
      while (toMember().length === 0 && Date.now() < mailDeadline) {
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
      // A moment more for a second copy, if there were to be one.
      await new Promise((resolve) => setTimeout(resolve, 3000))
      expect(toMember().map((mail) => mail.subject)).toEqual([
        `New session in Night class: ${sampleLoop.videoTitle}`,
      ])
    } finally {
      second.child.kill('SIGTERM')
      await once(second.child, 'exit')
      await new Promise<void>((resolve) => smtp.close(() => resolve()))
    }
  }, 300_000)
})
