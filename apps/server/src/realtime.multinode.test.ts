import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SessionChangedEvent } from '@loopquiz/contract'
import { unwrapAck } from '@loopquiz/contract/realtime-client'
import pg from 'pg'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadTestEnv } from './config/test-env.ts'
import { databaseUrlFor } from './test/databases.ts'
import { connectAs, nextEvent } from './test/realtime-clients.ts'
import { manualSource } from './test/session-fixtures.ts'
import type { TestUser } from './test/test-app.ts'

// Two real server processes on one PostgreSQL database and one Redis, as in a deployment with
// two nodes behind a load balancer: every client event must reach the clients of both nodes,
// and the scheduler must still run each job once. Runs from `npm test` when both
// TEST_DATABASE_URL and TEST_REDIS_URL are set (CI has both).

const { adminUrl, redisUrl } = loadTestEnv()
if (!adminUrl || !redisUrl) {
  throw new Error('the two-node tests need TEST_DATABASE_URL (PostgreSQL) and TEST_REDIS_URL')
}

const serverEntry = fileURLToPath(new URL('./server.ts', import.meta.url))
const runId = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`
const databaseName = `loopquiz_multinode_${runId}`
const databaseUrl = databaseUrlFor(adminUrl, databaseName)
// A stream of this run's own: parallel runs on the same Redis never see each other's events.
const redisStream = `loopquiz-test-${runId}`
const authSecret = `multinode-secret-${runId}-0123456789abcdef`

interface ServerNode {
  origin: string
  process: ChildProcess
  output: string[]
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Starts `node apps/server/src/server.ts` and waits until it listens. */
async function startNode(dataDir: string): Promise<ServerNode> {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [serverEntry], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_STREAM: redisStream,
      AUTH_SECRET: authSecret,
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const node: ServerNode = { origin, process: child, output }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`node on ${origin} did not start:\n${output.join('')}`)),
      90_000,
    )
    const collect = (chunk: Buffer) => {
      output.push(chunk.toString())
      if (output.join('').includes('LoopQuiz is running at')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', collect)
    child.stderr?.on('data', collect)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`node on ${origin} exited with ${code}:\n${output.join('')}`))
    })
  })
  return node
}

async function stopNode(node: ServerNode) {
  if (node.process.exitCode !== null) return
  const exited = new Promise((resolve) => node.process.once('exit', resolve))
  node.process.kill('SIGTERM')
  const timer = setTimeout(() => node.process.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

let nodeA: ServerNode
let nodeB: ServerNode
let dataDir: string

beforeAll(async () => {
  // The migrated template of the global setup when it made one on PostgreSQL; else an empty
  // database that the first node migrates before the second starts.
  const template = inject('databaseTemplate')
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(
    template.driver === 'postgres'
      ? `CREATE DATABASE ${databaseName} TEMPLATE ${template.name}`
      : `CREATE DATABASE ${databaseName}`,
  )
  await admin.end()
  dataDir = await mkdtemp(path.join(tmpdir(), 'loopquiz-multinode-'))
  nodeA = await startNode(path.join(dataDir, 'a'))
  nodeB = await startNode(path.join(dataDir, 'b'))
})

afterAll(async () => {
  await Promise.all([nodeA, nodeB].filter(Boolean).map(stopNode))
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)
  await admin.end()
  const redis = createClient({ url: redisUrl })
  await redis.connect()
  await redis.del(redisStream)
  await redis.quit()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

let userCount = 0

/** Signs up through one node's HTTP API, from its own page (Better Auth checks the Origin). */
async function signUp(node: ServerNode, name: string): Promise<TestUser> {
  const email = `multinode-${runId}-${++userCount}@example.test`
  const response = await fetch(`${node.origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: node.origin },
    body: JSON.stringify({ name, email, password: 'correct-horse-battery' }),
  })
  if (response.status !== 200) throw new Error(`sign-up failed: ${await response.text()}`)
  const token = response.headers.get('set-auth-token')
  if (!token) throw new Error('sign-up gave no bearer token')
  const { user } = (await response.json()) as { user: { id: string } }
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ')
  return {
    id: user.id,
    name,
    email,
    bearer: { authorization: `Bearer ${token}` },
    cookie: { cookie, origin: node.origin },
  }
}

async function call<T>(
  node: ServerNode,
  method: string,
  url: string,
  user: TestUser,
  body?: object,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${node.origin}${url}`, {
    method,
    headers: {
      ...user.bearer,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  return { status: response.status, json: (text ? JSON.parse(text) : null) as T }
}

/** A group with an owner (signed up on node A) and two members (one per node). */
async function setUpGroup() {
  const owner = await signUp(nodeA, 'Owner')
  const memberA = await signUp(nodeA, 'Member on A')
  const memberB = await signUp(nodeB, 'Member on B')
  const group = (
    await call<{ id: string; joinCode: string }>(nodeA, 'POST', '/api/groups', owner, {
      name: 'Two nodes',
      privacy: 'public',
      timezone: 'Europe/Paris',
    })
  ).json
  for (const [node, member] of [
    [nodeA, memberA],
    [nodeB, memberB],
  ] as const) {
    const joined = await call(node, 'POST', `/api/join/${group.joinCode}`, member, {})
    expect(joined.status).toBeLessThan(300)
  }
  return { owner, memberA, memberB, group, base: `/api/groups/${group.id}/sessions` }
}

async function activeSession() {
  const fixture = await setUpGroup()
  const created = await call<{ id: string }>(
    nodeA,
    'POST',
    `${fixture.base}/create-instant`,
    fixture.owner,
    { source: manualSource },
  )
  expect(created.status).toBe(201)
  return { ...fixture, session: created.json }
}

describe('two server nodes on one database and one Redis', () => {
  it('pushes a session ended through node A to a watcher on node B', async () => {
    const { owner, memberB, group, session, base } = await activeSession()
    const watcher = await connectAs(nodeB.origin, memberB)
    unwrapAck(await watcher.emitWithAck('group:watch', { groupId: group.id }))
    const ended = nextEvent(watcher, 'session:changed', (event) => event.sessionId === session.id)
    expect((await call(nodeA, 'POST', `${base}/${session.id}/end`, owner)).status).toBe(200)
    expect(await ended).toMatchObject({
      groupId: group.id,
      change: 'complete',
      status: 'completed',
    })
  })

  it('shows a watcher on node B to a watcher on node A, and its leaving', async () => {
    const { owner, memberB, group, session } = await activeSession()
    const host = await connectAs(nodeA.origin, owner)
    unwrapAck(await host.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }))

    const arrived = nextEvent(host, 'session:presence', (event) =>
      event.changes.some((change) => change.userId === memberB.id && change.online),
    )
    const learner = await connectAs(nodeB.origin, memberB)
    unwrapAck(
      await learner.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    await arrived

    // Offline only after the grace (2 s by default), so the wait is longer than that.
    const left = nextEvent(
      host,
      'session:presence',
      (event) => event.changes.some((change) => change.userId === memberB.id && !change.online),
      10_000,
    )
    learner.disconnect()
    await left
  })

  it('lists in node A’s snapshot a user who is present only on node B', async () => {
    const { owner, memberB, group, session } = await activeSession()
    const learner = await connectAs(nodeB.origin, memberB)
    unwrapAck(
      await learner.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    const host = await connectAs(nodeA.origin, owner)
    const snapshot = unwrapAck(
      await host.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    expect(snapshot.participants).toContainEqual(
      expect.objectContaining({ userId: memberB.id, online: true, joined: false }),
    )
  })

  it('pushes a join through node B to a watcher on node A as progress', async () => {
    const { owner, memberB, group, session, base } = await activeSession()
    const host = await connectAs(nodeA.origin, owner)
    unwrapAck(await host.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }))
    const joined = nextEvent(host, 'session:progress', (event) =>
      event.updates.some((update) => update.userId === memberB.id),
    )
    expect((await call(nodeB, 'POST', `${base}/${session.id}/join`, memberB)).status).toBe(200)
    expect((await joined).updates).toContainEqual({
      userId: memberB.id,
      name: memberB.name,
      answeredCount: 0,
      score: 0,
      finished: false,
    })
  })

  it('tells a group watcher on node A who is online on node B', async () => {
    const { memberA, memberB, group } = await setUpGroup()
    const onA = await connectAs(nodeA.origin, memberA)
    unwrapAck(await onA.emitWithAck('group:watch', { groupId: group.id }))
    const online = nextEvent(onA, 'group:presence', (event) =>
      event.onlineUserIds.includes(memberB.id),
    )
    const onB = await connectAs(nodeB.origin, memberB)
    const seenFromB = unwrapAck(await onB.emitWithAck('group:watch', { groupId: group.id }))
    expect(seenFromB.onlineUserIds).toEqual(expect.arrayContaining([memberA.id, memberB.id]))
    expect((await online).onlineUserIds).toEqual(expect.arrayContaining([memberA.id, memberB.id]))

    const offline = nextEvent(
      onA,
      'group:presence',
      (event) => !event.onlineUserIds.includes(memberB.id),
      10_000,
    )
    onB.disconnect()
    expect((await offline).onlineUserIds).toContain(memberA.id)
  })

  it('starts a scheduled session once across both nodes', async () => {
    const { owner, memberA, memberB, group, base } = await setUpGroup()
    const onA = await connectAs(nodeA.origin, memberA)
    const onB = await connectAs(nodeB.origin, memberB)
    const starts: Record<'a' | 'b', SessionChangedEvent[]> = { a: [], b: [] }
    let sessionId = ''
    for (const [key, socket] of [
      ['a', onA],
      ['b', onB],
    ] as const) {
      unwrapAck(await socket.emitWithAck('group:watch', { groupId: group.id }))
      socket.on('session:changed', (event) => {
        if (event.change === 'start') starts[key].push(event)
      })
    }

    // A start a little ahead; a slow request that ate the lead is retried with a longer one.
    let created: { status: number; json: { id: string } } | undefined
    for (let lead = 2000; lead <= 32_000; lead *= 2) {
      created = await call<{ id: string }>(nodeB, 'POST', `${base}/schedule`, owner, {
        scheduledAt: new Date(Date.now() + lead).toISOString(),
        source: manualSource,
      })
      if (created.status === 201) break
    }
    expect(created?.status).toBe(201)
    sessionId = created?.json.id ?? ''

    const startedOn = (socket: typeof onA) =>
      nextEvent(
        socket,
        'session:changed',
        (event) => event.sessionId === sessionId && event.change === 'start',
        45_000,
      )
    await Promise.all([startedOn(onA), startedOn(onB)])
    // Both nodes poll for due jobs every second: a second run would show within a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 4000))
    const ofSession = (events: SessionChangedEvent[]) =>
      events.filter((event) => event.sessionId === sessionId)
    expect(ofSession(starts.a)).toHaveLength(1)
    expect(ofSession(starts.b)).toHaveLength(1)
    expect(ofSession(starts.a)[0]?.status).toBe('active')

    const session = await call<{ status: string }>(nodeA, 'GET', `${base}/${sessionId}`, owner)
    expect(session.json.status).toBe('active')
    const db = new pg.Client({ connectionString: databaseUrl })
    await db.connect()
    try {
      const jobs = await db.query<{ state: string }>(
        "SELECT state FROM pgboss.job WHERE name = 'session.start' AND data->>'sessionId' = $1",
        [sessionId],
      )
      expect(jobs.rows.map((row) => row.state)).toEqual(['completed'])
    } finally {
      await db.end()
    }
  })
})
