/**
 * Live benchmark (`npm run bench:live`): N participants on sockets, in one self-paced and one
 * live session, against the real server started as its own process on a fresh PostgreSQL
 * database; then once with two server nodes and Redis. In the same run, at the same N, the
 * physical references: a bare `ws` broadcast server and bare Socket.IO 4.8 (bench/live-reference.ts).
 *
 * How it measures:
 * - Load generator: BENCH_LIVE_WORKERS threads (node:worker_threads), each holding N/threads
 *   WebSocket clients (the app's own typed client for the app; socket.io-client and ws for the
 *   references). Per-message compression is off everywhere.
 * - One clock: every time is `performance.timeOrigin + performance.now()` in the generator's
 *   threads, which is the machine's clock in each thread, so a send in one thread and a receive in
 *   another compare on one (loopback) clock; the servers' clocks are never used.
 * - Latency probes: answers (app) or messages (references) at a rate that keeps the fan-out
 *   below BENCH_LIVE_FANOUT deliveries per second (see probeRateFor), each with its key: the app's `${userId}#${answeredCount}`, the references' seq.
 *   A probe's latency is from its send until the LAST of the other N − 1 clients has an update
 *   that includes it (the app: the coalesced `session:progress` carrying that user's new
 *   answeredCount). Missed = deliveries that had not come 5 s after the last probe.
 * - Throughput: every participant answers its next questions back to back (the next once the
 *   last is acked, i.e. stored); answers stored per second = rows added in PostgreSQL / wall
 *   time. The references count acked messages (nothing stored): "bare Socket.IO receives".
 * - Server heap per connected participant: the server runs under `fork` with `--expose-gc`
 *   (bench/live-server.ts wraps the real entry); over IPC it runs a full GC and reports
 *   heapUsed; (after connecting and watching − before) / N. Its event-loop delay comes the
 *   same way (perf_hooks.monitorEventLoopDelay, p99 per phase). Nothing of this is in the app.
 * - Generator: CPU per thread (process.threadCpuUsage) in % of one core, event-loop utilization
 *   of the busiest thread: near 1 the generator is saturated and the figures are lower bounds.
 * - Participants are seeded in the database (users, Better Auth sessions, memberships, joined
 *   attempts), not signed up: see `prepare`. Their bearer tokens are made as Better Auth's bearer
 *   plugin makes them, checked against a real sign-up first.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import { cleanUpOnSignals, deferCleanup } from './lib/cleanup.ts'
import { parseNumber } from './lib/settings.ts'
import type {
  Collected,
  FromWorker,
  Participant,
  ProcessStats,
  Send,
  TargetKind,
  ToWorker,
} from './live-protocol.ts'

const env = process.env
const adminUrl = env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const redisUrl = env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const sizes = (env.BENCH_LIVE_N ?? '100,1000')
  .split(',')
  .map((value) => parseNumber('BENCH_LIVE_N', value.trim(), 100, 2, 20_000))
const twoNodeN = parseNumber('BENCH_LIVE_TWO_NODE_N', env.BENCH_LIVE_TWO_NODE_N, 1000, 0, 20_000)
/** Which targets to run at each N (all three by default: the ratio needs the ws reference). */
const targets = new Set(
  (env.BENCH_LIVE_TARGETS ?? 'ws,socket.io,app').split(',').map((t) => t.trim()),
)
const workerCount = parseNumber('BENCH_LIVE_WORKERS', env.BENCH_LIVE_WORKERS, 2, 1, 16)
/**
 * Latency probes: at most this many, at most this many per second, and at most BENCH_LIVE_FANOUT
 * deliveries per second in all (rate × N): a steady trickle, as answers come in class, that
 * measures delivery rather than a saturated machine. At N = 10,000 that is 2 probes a second.
 */
const maxProbes = parseNumber('BENCH_LIVE_PROBES', env.BENCH_LIVE_PROBES, 300, 10, 10_000)
const maxProbeRate = parseNumber('BENCH_LIVE_RATE', env.BENCH_LIVE_RATE, 100, 1, 5000)
const fanoutPerSecond = parseNumber('BENCH_LIVE_FANOUT', env.BENCH_LIVE_FANOUT, 20_000, 100, 1e7)
const PROBE_SECONDS = 15
const probeRateFor = (n: number) =>
  Math.max(1, Math.min(maxProbeRate, Math.floor(fanoutPerSecond / n)))
const probesFor = (n: number) => Math.max(10, Math.min(maxProbes, probeRateFor(n) * PROBE_SECONDS))
/** Answers in the throughput phase: each participant answers its next questions back to back. */
const throughputAnswers = parseNumber(
  'BENCH_LIVE_THROUGHPUT_ANSWERS',
  env.BENCH_LIVE_THROUGHPUT_ANSWERS,
  40_000,
  100,
  1_000_000,
)
/** The throughput phases stop starting answers after this long (a slow server must not take the machine for minutes). */
const throughputSeconds = parseNumber(
  'BENCH_LIVE_THROUGHPUT_S',
  env.BENCH_LIVE_THROUGHPUT_S,
  15,
  1,
  300,
)
const SETTLE_MS = 5000
const QUESTION_COUNT = 50
const AUTH_SECRET = `bench-live-secret-${process.pid}-0123456789abcdef`
const HERE = path.dirname(fileURLToPath(import.meta.url))
const RESULTS_DIR = path.join(HERE, 'results')
const now = () => performance.timeOrigin + performance.now()

cleanUpOnSignals()
const runStarted = now()
/** A progress line with the seconds since the start: a long step shows where the time goes. */
const step = (text: string) =>
  console.log(`[${((now() - runStarted) / 1000).toFixed(1)} s] ${text}`)

// --- processes -------------------------------------------------------------------------------

interface Forked {
  child: ChildProcess
  output: string[]
  stats(): Promise<ProcessStats & { acked?: number }>
  resetLoopDelay(): Promise<void>
  stop(): Promise<void>
}

function forked(child: ChildProcess): Forked {
  const output: string[] = []
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString())
    output.splice(0, Math.max(0, output.length - 40))
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let nextId = 1
  const pending = new Map<number, (value: unknown) => void>()
  child.on('message', (message: { id?: number }) => {
    if (message.id === undefined) return
    pending.get(message.id)?.(message)
    pending.delete(message.id)
  })
  const ask = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const id = nextId++
      pending.set(id, resolve as (value: unknown) => void)
      child.send({ type, id })
    })
  return {
    child,
    output,
    async stats() {
      const reply = await ask<{ stats: ProcessStats; acked?: number }>('stats')
      return { ...reply.stats, ...(reply.acked === undefined ? {} : { acked: reply.acked }) }
    },
    async resetLoopDelay() {
      await ask('reset-loop-delay')
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    },
  }
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

async function startAppNode(databaseUrl: string, extra: Record<string, string>) {
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'loopquiz-bench-live-'))
  const child = fork(path.join(HERE, 'live-server.ts'), [], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      PATH: env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET,
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: '/nonexistent',
      ...extra,
    },
  })
  const node = forked(child)
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited during start:\n${node.output.join('')}`)
    }
    const healthy = await fetch(`${origin}/api/health`)
      .then((response) => response.status === 200)
      .catch(() => false)
    if (healthy) break
    if (Date.now() > deadline) throw new Error(`server not healthy:\n${node.output.join('')}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const stop = deferCleanup(async () => {
    await node.stop()
    await rm(dataDir, { recursive: true, force: true })
  })
  return { ...node, origin, stop }
}

async function startReference(kind: 'ws' | 'socket.io') {
  const child = fork(path.join(HERE, 'live-reference.ts'), [kind], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  const node = forked(child)
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'listening' && message.port) resolve(message.port)
    })
    child.once('exit', (code) => reject(new Error(`${kind} reference exited with ${code}`)))
  })
  const scheme = kind === 'ws' ? 'ws' : 'http'
  return { ...node, origin: `${scheme}://127.0.0.1:${port}`, stop: deferCleanup(node.stop) }
}

// --- load generator --------------------------------------------------------------------------

class Generator {
  readonly workers: Worker[]
  private readonly inbox = new Map<Worker, Array<(message: FromWorker) => void>>()

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./live-worker.ts', import.meta.url))
      worker.on('message', (message: FromWorker) => this.inbox.get(worker)?.shift()?.(message))
      worker.on('error', (error) => {
        console.error('load generator thread failed:', error)
        process.exitCode = 1
      })
      this.inbox.set(worker, [])
      return worker
    })
  }

  /** Sends to one thread and waits for its reply (messages are answered in order). */
  private ask(worker: Worker, message: ToWorker): Promise<FromWorker> {
    return new Promise((resolve) => {
      this.inbox.get(worker)?.push(resolve)
      worker.postMessage(message)
    })
  }

  private all(make: (index: number) => ToWorker) {
    return Promise.all(this.workers.map((worker, index) => this.ask(worker, make(index))))
  }

  ownerOf(participant: number): Worker {
    return this.workers[participant % this.workers.length] as Worker
  }

  async connect(kind: TargetKind, participants: Participant[]) {
    const replies = await this.all((index) => ({
      type: 'connect',
      kind,
      participants: participants.filter((p) => p.index % this.workers.length === index),
      concurrency: 50,
    }))
    return summarize(replies)
  }

  async watch(groupId: string, sessionId: string) {
    return summarize(await this.all(() => ({ type: 'watch', groupId, sessionId })))
  }

  track(on: boolean) {
    for (const worker of this.workers) worker.postMessage({ type: 'track', on } satisfies ToWorker)
  }

  /** Sends `sends` at `rate` per second, each through the thread that owns its participant. */
  async paced(sends: Send[], rate: number) {
    const started = now()
    for (let i = 0; i < sends.length; i++) {
      const due = started + (i * 1000) / rate
      const wait = due - now()
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
      const send = sends[i] as Send
      const worker = this.ownerOf(send.participant)
      await this.ask(worker, { type: 'send', sends: [send] })
    }
  }

  /** Every participant sends its list back to back (the next once the last is acked). */
  async closedLoop(perParticipant: Map<number, Send[]>) {
    const untilMs = now() + throughputSeconds * 1000
    const replies = await this.all((index) => ({
      type: 'closed-loop',
      untilMs,
      sends: [...perParticipant]
        .filter(([participant]) => participant % this.workers.length === index)
        .map(([, sends]) => sends),
    }))
    return summarize(replies)
  }

  async collect(): Promise<Collected[]> {
    const replies = await this.all(() => ({ type: 'collect' }))
    return replies.flatMap((reply) => (reply.type === 'collected' ? [reply.data] : []))
  }

  async close() {
    await this.all(() => ({ type: 'close' }))
  }

  async terminate() {
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }
}

function summarize(replies: FromWorker[]) {
  let ok = 0
  let failed = 0
  let firstError: string | null = null
  for (const reply of replies) {
    if ('ok' in reply) {
      ok += reply.ok
      failed += reply.failed
      firstError ??= reply.firstError
    }
  }
  return { ok, failed, firstError }
}

// --- figures ---------------------------------------------------------------------------------

interface Latency {
  probes: number
  /** Probes the server refused (app: the answer was not stored). */
  refused: number
  /** Probes every other client received. */
  complete: number
  /** Client deliveries that never came (probes × (N − 1) − deliveries). */
  missedDeliveries: number
  p50Ms: number | null
  p95Ms: number | null
  p99Ms: number | null
  maxMs: number | null
  /** Send → ack (app: the answer stored), p50/p95. */
  ackP50Ms: number | null
  ackP95Ms: number | null
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return round(sorted[Math.max(0, index)] as number)
}

const round = (value: number) => Math.round(value * 10) / 10

function latencyOf(collected: Collected[], recipients: number): Latency {
  const sent = new Map<string, [number, number, boolean]>()
  const received = new Map<string, [number, number]>()
  for (const part of collected) {
    for (const [key, sentAt, ackedAt, ok] of part.sent) sent.set(key, [sentAt, ackedAt, ok])
    for (const [key, count, lastAt] of part.received) {
      const entry = received.get(key)
      if (entry) {
        entry[0] += count
        entry[1] = Math.max(entry[1], lastAt)
      } else {
        received.set(key, [count, lastAt])
      }
    }
  }
  const latencies: number[] = []
  const acks: number[] = []
  let missed = 0
  let refused = 0
  for (const [key, [sentAt, ackedAt, ok]] of sent) {
    if (ok && ackedAt > 0) acks.push(ackedAt - sentAt)
    if (!ok && ackedAt > 0) refused++
    const [count, lastAt] = received.get(key) ?? [0, 0]
    missed += Math.max(0, recipients - count)
    if (count >= recipients) latencies.push(lastAt - sentAt)
  }
  latencies.sort((a, b) => a - b)
  acks.sort((a, b) => a - b)
  return {
    probes: sent.size,
    refused,
    complete: latencies.length,
    missedDeliveries: missed,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    ackP50Ms: percentile(acks, 50),
    ackP95Ms: percentile(acks, 95),
  }
}

interface GeneratorLoad {
  /** CPU of the generator's threads over the phase, in % of one core (200 % = both cores here). */
  cpuPercent: number
  /** Busiest thread's event-loop utilization (1 = saturated: the figures are then lower bounds). */
  maxLoopUtilization: number
  maxLoopDelayP99Ms: number
}

function loadOf(collected: Collected[], seconds: number): GeneratorLoad {
  let cpuUs = 0
  for (const part of collected) cpuUs += (part.cpu?.userUs ?? 0) + (part.cpu?.systemUs ?? 0)
  return {
    cpuPercent: Math.round(cpuUs / 1e4 / Math.max(seconds, 0.001)),
    maxLoopUtilization:
      round(Math.max(...collected.map((part) => part.loopUtilization)) * 100) / 100,
    maxLoopDelayP99Ms: round(Math.max(...collected.map((part) => part.loopDelayP99Ms))),
  }
}

interface ServerFigures {
  heapPerParticipantBytes: number
  rssPerParticipantBytes: number
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

// --- scenarios -------------------------------------------------------------------------------

interface PhaseResult {
  target: string
  phase: string
  n: number
  latency?: Latency
  throughput?: { answers: number; seconds: number; perSecond: number; failed: number }
  generator: GeneratorLoad
  server: { loopDelayP99Ms: number; loopDelayMaxMs: number }
}

interface RunResult {
  n: number
  connected: Record<string, { ok: number; failed: number; firstError: string | null }>
  memory: Record<string, ServerFigures>
  phases: PhaseResult[]
}

function participantsFor(n: number, url: string): Participant[] {
  return Array.from({ length: n }, (_, index) => ({
    index,
    userId: `p${index}`,
    token: '',
    attempts: {},
    url,
  }))
}

async function serverLoop(nodes: Forked[]) {
  const stats = await Promise.all(nodes.map((node) => node.stats()))
  return {
    loopDelayP99Ms: round(Math.max(...stats.map((s) => s.loopDelayMs.p99))),
    loopDelayMaxMs: round(Math.max(...stats.map((s) => s.loopDelayMs.max))),
  }
}

/** The references: latency of one broadcast to N, and acked messages per second. */
async function runReference(kind: 'ws' | 'socket.io', n: number, result: RunResult) {
  const server = await startReference(kind)
  const generator = new Generator(workerCount)
  try {
    const before = await server.stats()
    const participants = participantsFor(n, server.origin)
    result.connected[kind] = await generator.connect(kind, participants)
    const after = await server.stats()
    result.memory[kind] = memoryFigures(before, [after], n)

    await generator.collect()
    await server.resetLoopDelay()
    const started = now()
    const sends: Send[] = Array.from({ length: probesFor(n) }, (_, i) => ({
      participant: (i * 7919) % n,
      key: `b${i}`,
    }))
    await generator.paced(sends, probeRateFor(n))
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    let collected = await generator.collect()
    result.phases.push({
      target: kind,
      phase: 'broadcast',
      n,
      latency: latencyOf(collected, n - 1),
      generator: loadOf(collected, (now() - started) / 1000),
      server: await serverLoop([server]),
    })

    generator.track(false)
    const perParticipant = new Map<number, Send[]>()
    const each = Math.max(1, Math.floor(throughputAnswers / n))
    for (let p = 0; p < n; p++) {
      perParticipant.set(
        p,
        Array.from({ length: each }, (_, q) => ({ participant: p, key: `a${p}-${q}` })),
      )
    }
    await server.resetLoopDelay()
    const ackedBefore = (await server.stats()).acked ?? 0
    const t0 = now()
    const loop = await generator.closedLoop(perParticipant)
    const seconds = (now() - t0) / 1000
    const ackedAfter = (await server.stats()).acked ?? 0
    collected = await generator.collect()
    result.phases.push({
      target: kind,
      phase: 'receive',
      n,
      throughput: {
        answers: ackedAfter - ackedBefore,
        seconds: round(seconds),
        perSecond: Math.round((ackedAfter - ackedBefore) / seconds),
        failed: loop.failed,
      },
      generator: loadOf(collected, seconds),
      server: await serverLoop([server]),
    })
    generator.track(true)
    await generator.close()
  } finally {
    await generator.terminate()
    await server.stop()
  }
}

function memoryFigures(before: ProcessStats, after: ProcessStats[], n: number): ServerFigures {
  const heap = after.reduce((sum, s) => sum + s.heapUsed, 0) - before.heapUsed * after.length
  const rss = after.reduce((sum, s) => sum + s.rss, 0) - before.rss * after.length
  return {
    heapPerParticipantBytes: Math.round(heap / n),
    rssPerParticipantBytes: Math.round(rss / n),
    loopDelayP99Ms: round(Math.max(...after.map((s) => s.loopDelayMs.p99))),
    loopDelayMaxMs: round(Math.max(...after.map((s) => s.loopDelayMs.max))),
  }
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `loopquiz_bench_live_${process.pid}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const drop = deferCleanup(async () => {
    const dropper = new pg.Client({ connectionString: adminUrl })
    await dropper.connect()
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await dropper.end()
  })
  return { url: url.toString(), drop }
}

async function http<T>(origin: string, method: string, url: string, token: string, body?: object) {
  const response = await fetch(`${origin}${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${text}`)
  return JSON.parse(text) as T
}

const questions = (timeLimitS?: number) =>
  Array.from({ length: QUESTION_COUNT }, (_, i) => ({
    type: 'true_false',
    prompt: `Statement ${i + 1} is true.`,
    correct: i % 2 === 0,
    ...(timeLimitS ? { timeLimitS } : {}),
  }))
const loop = {
  videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
  videoTitle: 'Big Buck Bunny',
  provider: 'youtube',
  videoId: 'aqz-KE-bpKQ',
  startS: 10,
  endS: 25.5,
}

/**
 * The session token as the bearer plugin hands it out (`set-auth-token`): the token, a dot, and
 * its HMAC-SHA256 under AUTH_SECRET in base64 — a signed session cookie value. Checked against
 * the host's real sign-up below before any seeded token is used.
 */
const signedToken = (token: string) =>
  `${token}.${createHmac('sha256', AUTH_SECRET).update(token).digest('base64')}`

interface Prepared {
  groupId: string
  selfPaced: { id: string; questionIds: string[] }
  live: { id: string; questionIds: string[] }
  hostToken: string
  participants: Participant[]
}

/**
 * A host signs up through the API and creates the group and both sessions there; the N
 * participants (users, Better Auth sessions, memberships, joined attempts) are written straight
 * into the database, since 10,000 sign-ups would hash 10,000 passwords. The server has seen
 * none of them yet, so it holds nothing of them that the seeding could leave stale.
 */
async function prepare(origin: string, databaseUrl: string, n: number, urls: string[]) {
  const email = `host-${randomUUID()}@bench.test`
  const signUp = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ name: 'Bench host', email, password: 'correct-horse-battery' }),
  })
  if (signUp.status !== 200) throw new Error(`host sign-up: ${await signUp.text()}`)
  const hostToken = decodeURIComponent(signUp.headers.get('set-auth-token') ?? '')
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const stored = await db.query<{ token: string }>(
      'SELECT s.token FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1',
      [email],
    )
    const raw = stored.rows[0]?.token ?? ''
    if (signedToken(raw) !== hostToken) {
      throw new Error('the bearer token format changed: seeded tokens would not be accepted')
    }
    const group = await http<{ id: string }>(origin, 'POST', '/api/groups', hostToken, {
      name: 'Bench class',
      privacy: 'public',
      timezone: 'Europe/Paris',
    })
    const base = `/api/groups/${group.id}/sessions`
    const selfPaced = await http<{ id: string }>(
      origin,
      'POST',
      `${base}/create-instant`,
      hostToken,
      {
        title: 'Self-paced',
        durationMinutes: 120,
        source: { kind: 'manual', loop, questions: questions() },
      },
    )
    const live = await http<{ id: string }>(origin, 'POST', `${base}/create-instant`, hostToken, {
      title: 'Live',
      mode: 'live',
      options: { scoring: 'speed', shuffleQuestions: false, shuffleOptions: false },
      durationMinutes: 120,
      source: { kind: 'manual', loop, questions: questions(600) },
    })
    const templates: Record<string, { questionSetId: string; maxScore: number; ids: string[] }> = {}
    for (const session of [selfPaced, live]) {
      const attempt = await http<{ id: string }>(
        origin,
        'POST',
        `${base}/${session.id}/join`,
        hostToken,
      )
      const row = await db.query<{
        question_set_id: string
        max_score: number
        questions: { id: string }[]
      }>(
        `SELECT a.question_set_id, a.max_score, q.questions FROM attempts a
         JOIN question_sets q ON q.id = a.question_set_id WHERE a.id = $1`,
        [attempt.id],
      )
      const found = row.rows[0]
      if (!found) throw new Error('the host’s attempt is missing')
      templates[session.id] = {
        questionSetId: found.question_set_id,
        maxScore: found.max_score,
        ids: found.questions.map((question) => question.id),
      }
    }

    const participants: Participant[] = []
    const chunk = 2000
    for (let start = 0; start < n; start += chunk) {
      const rows = Array.from({ length: Math.min(chunk, n - start) }, (_, i) => {
        const index = start + i
        return {
          index,
          userId: randomUUID(),
          token: randomBytes(24).toString('base64url'),
          attempts: {
            [selfPaced.id]: randomBytes(18).toString('base64url'),
            [live.id]: randomBytes(18).toString('base64url'),
          },
          url: urls[index % urls.length] as string,
        }
      })
      const ids = rows.map((row) => row.userId)
      await db.query('BEGIN')
      await db.query(
        `INSERT INTO users (id, name, email, email_verified)
         SELECT id, 'Participant ' || ord, 'p-' || id || '@bench.test', false
         FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ord)`,
        [ids],
      )
      await db.query(
        `INSERT INTO sessions (id, token, user_id, expires_at)
         SELECT gen_random_uuid()::text, token, user_id, now() + interval '1 day'
         FROM unnest($1::text[], $2::text[]) AS t(token, user_id)`,
        [rows.map((row) => row.token), ids],
      )
      await db.query(
        `INSERT INTO group_members (group_id, user_id, role)
         SELECT $1, id, 'member' FROM unnest($2::text[]) AS t(id)`,
        [group.id, ids],
      )
      for (const session of [selfPaced, live]) {
        const template = templates[session.id]
        if (!template) throw new Error('no template attempt')
        await db.query(
          `INSERT INTO attempts (id, question_set_id, user_id, session_id, display_name, max_score)
           SELECT attempt_id, $1, user_id, $2, 'Participant', $3
           FROM unnest($4::text[], $5::text[]) AS t(attempt_id, user_id)`,
          [
            template.questionSetId,
            session.id,
            template.maxScore,
            rows.map((row) => row.attempts[session.id] as string),
            ids,
          ],
        )
      }
      await db.query('COMMIT')
      for (const row of rows) participants.push({ ...row, token: signedToken(row.token) })
    }
    const prepared: Prepared = {
      groupId: group.id,
      selfPaced: { id: selfPaced.id, questionIds: templates[selfPaced.id]?.ids ?? [] },
      live: { id: live.id, questionIds: templates[live.id]?.ids ?? [] },
      hostToken,
      participants,
    }
    return prepared
  } finally {
    await db.end()
  }
}

async function answersStored(databaseUrl: string, sessionId: string): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl })
  await db.connect()
  try {
    const result = await db.query<{ count: string }>(
      'SELECT count(*) FROM answers a JOIN attempts t ON t.id = a.attempt_id WHERE t.session_id = $1',
      [sessionId],
    )
    return Number(result.rows[0]?.count ?? 0)
  } finally {
    await db.end()
  }
}

/** Our server: one node, or two with Redis (participants alternate between them). */
async function runApp(n: number, nodeCount: 1 | 2, result: RunResult, withLive: boolean) {
  const target = nodeCount === 1 ? 'app' : 'app, 2 nodes + Redis'
  const database = await createDatabase()
  const stream = `loopquiz-bench-${process.pid}-${randomBytes(3).toString('hex')}`
  const redisEnv: Record<string, string> =
    nodeCount === 2 ? { REDIS_URL: redisUrl, REDIS_STREAM: stream } : {}
  const nodes = [await startAppNode(database.url, redisEnv)]
  if (nodeCount === 2) nodes.push(await startAppNode(database.url, redisEnv))
  const generator = new Generator(workerCount)
  try {
    const prepared = await prepare(
      nodes[0]?.origin ?? '',
      database.url,
      n,
      nodes.map((node) => node.origin),
    )
    const before = await Promise.all(nodes.map((node) => node.stats()))
    step(`  ${n} participants seeded; connecting`)
    result.connected[target] = await generator.connect('app', prepared.participants)
    step(`  connected ${JSON.stringify(result.connected[target])}; watching the self-paced session`)
    const watched = await generator.watch(prepared.groupId, prepared.selfPaced.id)
    step(`  watching; latency probes`)
    if (watched.failed > 0) throw new Error(`watch failed: ${watched.firstError}`)
    const after = await Promise.all(nodes.map((node) => node.stats()))
    const baseline = before[0] as ProcessStats
    result.memory[target] = memoryFigures(
      {
        ...baseline,
        heapUsed: before.reduce((s, b) => s + b.heapUsed, 0) / before.length,
        rss: before.reduce((s, b) => s + b.rss, 0) / before.length,
      },
      after,
      n,
    )

    const { participants } = prepared
    const answerSend = (p: number, session: Prepared['selfPaced'], question: number): Send => {
      const participant = participants[p] as Participant
      return {
        participant: p,
        key: `${participant.userId}#${question + 1}`,
        sessionId: session.id,
        questionId: session.questionIds[question] as string,
        response: question % 2 === 0,
      }
    }

    // (a) Self-paced: a trickle of answers for latency, then everyone answering back to back.
    await generator.collect()
    await Promise.all(nodes.map((node) => node.resetLoopDelay()))
    let started = now()
    const latencySends: Send[] = []
    const selfPacedDone = new Array<number>(n).fill(0)
    const probes = probesFor(n)
    for (let i = 0; i < probes; i++) {
      const p = (i * 7919) % n
      latencySends.push(answerSend(p, prepared.selfPaced, selfPacedDone[p] ?? 0))
      selfPacedDone[p] = (selfPacedDone[p] ?? 0) + 1
    }
    await generator.paced(latencySends, probeRateFor(n))
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    let collected = await generator.collect()
    result.phases.push({
      target,
      phase: 'self-paced answer → all',
      n,
      latency: latencyOf(collected, n - 1),
      generator: loadOf(collected, (now() - started) / 1000),
      server: await serverLoop(nodes),
    })

    step('  self-paced throughput')
    generator.track(false)
    const each = Math.max(
      1,
      Math.min(QUESTION_COUNT - Math.ceil(probes / n) - 1, Math.floor(throughputAnswers / n)),
    )
    const perParticipant = new Map<number, Send[]>()
    for (let p = 0; p < n; p++) {
      const from = selfPacedDone[p] ?? 0
      perParticipant.set(
        p,
        Array.from({ length: each }, (_, q) => answerSend(p, prepared.selfPaced, from + q)),
      )
    }
    await Promise.all(nodes.map((node) => node.resetLoopDelay()))
    const storedBefore = await answersStored(database.url, prepared.selfPaced.id)
    started = now()
    const loopResult = await generator.closedLoop(perParticipant)
    let seconds = (now() - started) / 1000
    const storedAfter = await answersStored(database.url, prepared.selfPaced.id)
    collected = await generator.collect()
    result.phases.push({
      target,
      phase: 'self-paced answers stored',
      n,
      throughput: {
        answers: storedAfter - storedBefore,
        seconds: round(seconds),
        perSecond: Math.round((storedAfter - storedBefore) / seconds),
        failed: loopResult.failed,
      },
      generator: loadOf(collected, seconds),
      server: await serverLoop(nodes),
    })
    if (loopResult.failed > 0) console.error(`  answers refused: ${loopResult.firstError}`)
    generator.track(true)

    if (!withLive) return
    step('  live session')
    // (b) Live: the host opens question 1; a trickle of answers for latency, then the rest at once.
    const liveWatch = await generator.watch(prepared.groupId, prepared.live.id)
    if (liveWatch.failed > 0) throw new Error(`live watch failed: ${liveWatch.firstError}`)
    const liveBase = `/api/groups/${prepared.groupId}/sessions/${prepared.live.id}/live`
    await http(nodes[0]?.origin ?? '', 'POST', liveBase, prepared.hostToken, { action: 'start' })
    await generator.collect()
    await Promise.all(nodes.map((node) => node.resetLoopDelay()))
    started = now()
    const liveProbes = Math.min(probes, Math.floor(n / 2))
    const liveSends: Send[] = Array.from({ length: liveProbes }, (_, i) =>
      answerSend(i, prepared.live, 0),
    )
    await generator.paced(liveSends, probeRateFor(n))
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    collected = await generator.collect()
    result.phases.push({
      target,
      phase: 'live answer → all',
      n,
      latency: latencyOf(collected, n - 1),
      generator: loadOf(collected, (now() - started) / 1000),
      server: await serverLoop(nodes),
    })

    generator.track(false)
    const burst = new Map<number, Send[]>()
    for (let p = liveProbes; p < n; p++) burst.set(p, [answerSend(p, prepared.live, 0)])
    await Promise.all(nodes.map((node) => node.resetLoopDelay()))
    const liveBefore = await answersStored(database.url, prepared.live.id)
    started = now()
    const burstResult = await generator.closedLoop(burst)
    seconds = (now() - started) / 1000
    const liveAfter = await answersStored(database.url, prepared.live.id)
    collected = await generator.collect()
    result.phases.push({
      target,
      phase: 'live burst stored',
      n,
      throughput: {
        answers: liveAfter - liveBefore,
        seconds: round(seconds),
        perSecond: Math.round((liveAfter - liveBefore) / seconds),
        failed: burstResult.failed,
      },
      generator: loadOf(collected, seconds),
      server: await serverLoop(nodes),
    })
    if (burstResult.failed > 0) console.error(`  live answers refused: ${burstResult.firstError}`)
    generator.track(true)
    await http(nodes[0]?.origin ?? '', 'POST', liveBase, prepared.hostToken, { action: 'finish' })
  } finally {
    await generator.close().catch(() => {})
    await generator.terminate()
    for (const node of nodes) await node.stop()
    await database.drop()
  }
}

// --- report ----------------------------------------------------------------------------------

const cell = (value: number | null | undefined, width: number) =>
  (value === null || value === undefined ? '–' : String(value)).padStart(width)

function printTable(results: RunResult[]) {
  console.log(
    `\n${'target'.padEnd(22)} ${'phase'.padEnd(26)} ${'N'.padStart(6)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'missed'.padStart(7)} ${'ack p95'.padStart(8)} ${'per s'.padStart(8)} ${'srv ELD99'.padStart(9)} ${'gen CPU%'.padStart(8)} ${'gen ELU'.padStart(7)}`,
  )
  for (const run of results) {
    for (const phase of run.phases) {
      console.log(
        `${phase.target.padEnd(22)} ${phase.phase.padEnd(26)} ${cell(phase.n, 6)} ${cell(phase.latency?.p50Ms, 7)} ${cell(phase.latency?.p95Ms, 7)} ${cell(phase.latency?.p99Ms, 7)} ${cell(phase.latency?.missedDeliveries, 7)} ${cell(phase.latency?.ackP95Ms, 8)} ${cell(phase.throughput?.perSecond, 8)} ${cell(phase.server.loopDelayP99Ms, 9)} ${cell(phase.generator.cpuPercent, 8)} ${cell(phase.generator.maxLoopUtilization, 7)}`,
      )
    }
    for (const [target, memory] of Object.entries(run.memory)) {
      console.log(
        `  N=${run.n} ${target}: ${(memory.heapPerParticipantBytes / 1024).toFixed(1)} KB heap, ${(memory.rssPerParticipantBytes / 1024).toFixed(1)} KB RSS per connection`,
      )
    }
    const ws = run.phases.find((p) => p.target === 'ws' && p.phase === 'broadcast')?.latency?.p95Ms
    for (const phase of run.phases) {
      const ours = phase.latency?.p95Ms
      if (phase.target.startsWith('app') && ours && ws) {
        console.log(
          `  N=${run.n} ${phase.target} ${phase.phase}: ratio ws p95 / ours = ${(ws / ours).toFixed(2)}`,
        )
      }
    }
  }
}

/** The in-process figure of the answer writer (`npm run bench:answers`, helper bench), if it ran. */
async function answerWriterFigure(): Promise<{
  measuredAt: string
  answersPerSecond: number
} | null> {
  try {
    const text = await readFile(path.join(RESULTS_DIR, 'answer-writer.json'), 'utf8')
    const parsed = JSON.parse(text) as { measuredAt?: string; best?: { answersPerSecond?: number } }
    if (!parsed.measuredAt || typeof parsed.best?.answersPerSecond !== 'number') return null
    return { measuredAt: parsed.measuredAt, answersPerSecond: parsed.best.answersPerSecond }
  } catch {
    return null
  }
}

async function main() {
  console.log(
    `bench:live: N = ${sizes.join(', ')}; two nodes at N = ${twoNodeN || 'off'}; ${workerCount} generator threads; up to ${maxProbes} probes at up to ${maxProbeRate}/s and ${fanoutPerSecond} deliveries/s; ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  await mkdir(RESULTS_DIR, { recursive: true })
  const results: RunResult[] = []
  for (const n of sizes) {
    const run: RunResult = { n, connected: {}, memory: {}, phases: [] }
    if (targets.has('ws')) {
      step(`N = ${n}: ws reference`)
      await runReference('ws', n, run)
    }
    if (targets.has('socket.io')) {
      step(`N = ${n}: Socket.IO reference`)
      await runReference('socket.io', n, run)
    }
    if (targets.has('app')) {
      step(`N = ${n}: LoopQuiz on PostgreSQL, one node`)
      await runApp(n, 1, run, true)
    }
    if (n === twoNodeN) {
      step(`N = ${n}: LoopQuiz on PostgreSQL, two nodes and Redis`)
      await runApp(n, 2, run, false)
    }
    results.push(run)
    await writeFile(
      path.join(RESULTS_DIR, `live-n${n}.json`),
      `${JSON.stringify({ measuredAt: new Date().toISOString(), cpus: os.cpus().length, loadAverage: os.loadavg(), workers: workerCount, probes: probesFor(n), probeRate: probeRateFor(n), ...run }, null, 2)}\n`,
    )
    printTable([run])
  }
  printTable(results)
  const writer = await answerWriterFigure()
  console.log(
    writer
      ? `\nAnswer writer in-process on PostgreSQL (synchronous_commit on): ${writer.answersPerSecond} answers/s (bench/results/answer-writer.json, ${writer.measuredAt}; npm run bench:answers)`
      : '\nAnswer writer in-process: not measured yet (npm run bench:answers)',
  )
}

await main()
process.exit(process.exitCode ?? 0)
