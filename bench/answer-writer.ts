/**
 * Answer writer benchmark: how many answers per second the group-commit writer stores durably on
 * PostgreSQL (synchronous_commit on), in-process, so that no socket or HTTP layer caps it.
 * Creates a fresh database migrated by the app's own migrator, N attempts, then writes every
 * attempt's answers through the writer from many concurrent producers, for each writer setting
 * in the sweep. Prints answers/s, batch sizes and write latency; writes
 * bench/results/answer-writer.json. Run with `npm run bench:answers`; see bench/README.md.
 */
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { type DatabaseHandle, openPostgres } from '../apps/server/src/db/database.ts'
import { users } from '../apps/server/src/db/schema/auth.ts'
import { attempts, questionSets } from '../apps/server/src/db/schema/quizzes.ts'
import {
  type AnswerToWrite,
  type AnswerWriterOptions,
  createAnswerWriter,
} from '../apps/server/src/modules/quizzes/answer-writer.ts'
import { cleanUpOnSignals, deferCleanup } from './lib/cleanup.ts'
import { parseNumber } from './lib/settings.ts'

const RESULTS_FILE = fileURLToPath(new URL('./results/answer-writer.json', import.meta.url))
const env = process.env
const adminUrl = env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const attemptCount = parseNumber('BENCH_ATTEMPTS', env.BENCH_ATTEMPTS, 20_000, 10, 200_000)
const questionsPerAttempt = parseNumber('BENCH_QUESTIONS', env.BENCH_QUESTIONS, 10, 1, 50)
const producers = parseNumber('BENCH_PRODUCERS', env.BENCH_PRODUCERS, 8_000, 1, 100_000)
const rounds = parseNumber('BENCH_ROUNDS', env.BENCH_ROUNDS, 1, 1, 10)

/** Writer settings to compare: `maxBatch/maxInFlight/maxWaitMs`, comma-separated. */
function parseSweep(raw: string | undefined): Required<AnswerWriterOptions>[] {
  const list = raw ?? '1000/1/2,1000/2/2,1000/4/2,2000/4/2,500/8/2'
  return list.split(',').map((entry) => {
    const [maxBatch, maxInFlight, maxWaitMs] = entry.split('/').map(Number)
    if (!maxBatch || !maxInFlight || maxWaitMs === undefined || Number.isNaN(maxWaitMs)) {
      throw new Error(
        `BENCH_WRITER_SWEEP entries are maxBatch/maxInFlight/maxWaitMs (got "${entry}")`,
      )
    }
    // The pool of the app's PostgreSQL handle has 10 connections.
    if (maxInFlight > 10) throw new Error('maxInFlight above the pool size (10) would only queue')
    return { maxBatch, maxInFlight, maxWaitMs }
  })
}
const sweep = parseSweep(env.BENCH_WRITER_SWEEP)

interface RunResult {
  settings: Required<AnswerWriterOptions>
  round: number
  answers: number
  seconds: number
  answersPerSecond: number
  batches: number
  meanBatch: number
  largestBatch: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
  eventLoopDelayP99Ms: number
  processCpuPercent: number
  verified: boolean
  /** The machine's 1-minute load average at the end of the run: others' work shares the cores. */
  loadAverage: number
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `loopquiz_bench_answers_${process.pid}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
}

/** Fresh attempts for one run: every answer of the run is a new (attempt, question) pair. */
async function prepareAttempts(database: DatabaseHandle, run: number): Promise<string[]> {
  const { db } = database
  const [set] = await db.select({ id: questionSets.id }).from(questionSets).limit(1)
  if (!set) throw new Error('the question set vanished')
  const ids = Array.from(
    { length: attemptCount },
    (_, i) => `bench-${run}-${i.toString().padStart(6, '0')}-attempt`,
  )
  for (let start = 0; start < ids.length; start += 5_000) {
    await db.insert(attempts).values(
      ids.slice(start, start + 5_000).map((id) => ({
        id,
        questionSetId: set.id,
        displayName: 'Bench taker',
        maxScore: questionsPerAttempt,
      })),
    )
  }
  return ids
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Number((sorted[Math.max(0, index)] ?? 0).toFixed(2))
}

async function runOnce(
  database: DatabaseHandle,
  settings: Required<AnswerWriterOptions>,
  run: number,
  round: number,
): Promise<RunResult> {
  const ids = await prepareAttempts(database, run)
  // Question by question across attempts: concurrent answers hit different attempts, as when a
  // whole session answers the same question at once.
  const work: AnswerToWrite[] = []
  for (let q = 0; q < questionsPerAttempt; q += 1) {
    for (const attemptId of ids) {
      work.push({
        attemptId,
        questionId: `q${q}`,
        clientAnswerId: `${attemptId}-q${q}`,
        response: q % 2 === 0,
        isCorrect: q % 2 === 0,
        points: q % 2 === 0 ? 1 : 0,
        answeredAt: new Date(),
      })
    }
  }
  const writer = createAnswerWriter(database.db, 'postgres', settings)
  const latencies = new Float64Array(work.length)
  const delay = monitorEventLoopDelay({ resolution: 10 })
  let next = 0
  let failures = 0
  let missing = 0
  const cpuBefore = process.cpuUsage()
  delay.enable()
  const started = performance.now()
  await Promise.all(
    Array.from({ length: producers }, async () => {
      while (next < work.length) {
        const index = next
        next += 1
        const row = work[index]
        if (!row) break
        const sentAt = performance.now()
        try {
          const stored = await writer.write(row)
          if (!stored) missing += 1
        } catch {
          failures += 1
        }
        latencies[index] = performance.now() - sentAt
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  delay.disable()
  const cpu = process.cpuUsage(cpuBefore)
  await writer.close()
  const stats = writer.stats()
  const [check] = (
    (await database.db.execute(sql`
      select coalesce(sum(answered_count), 0)::integer as counted
      from attempts where id like ${`bench-${run}-%`}
    `)) as unknown as { rows: Array<{ counted: number }> }
  ).rows
  const [stored] = (
    (await database.db.execute(sql`
      select count(*)::integer as n from answers where attempt_id like ${`bench-${run}-%`}
    `)) as unknown as { rows: Array<{ n: number }> }
  ).rows
  const verified =
    failures === 0 && missing === 0 && stored?.n === work.length && check?.counted === work.length
  const sorted = Array.from(latencies).sort((a, b) => a - b)
  return {
    settings,
    round,
    answers: work.length,
    seconds: Number(seconds.toFixed(3)),
    answersPerSecond: Math.round(work.length / seconds),
    batches: stats.batches,
    meanBatch: Math.round(stats.answers / Math.max(stats.batches, 1)),
    largestBatch: stats.largestBatch,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    },
    eventLoopDelayP99Ms: Number((delay.percentile(99) / 1e6).toFixed(1)),
    processCpuPercent: Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100),
    verified,
    loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(1)),
  }
}

async function main() {
  cleanUpOnSignals()
  const target = await createDatabase()
  const drop = deferCleanup(target.drop)
  const database = await openPostgres(target.url, () => {})
  const close = deferCleanup(() => database.close())
  try {
    await database.migrate()
    const settingsRows = (await database.db.execute(sql`
      select name, setting from pg_settings
      where name in ('synchronous_commit', 'fsync', 'wal_sync_method', 'server_version')
    `)) as unknown as { rows: Array<{ name: string; setting: string }> }
    const server = Object.fromEntries(settingsRows.rows.map((row) => [row.name, row.setting]))
    console.log(
      `PostgreSQL ${server.server_version}: synchronous_commit=${server.synchronous_commit}, fsync=${server.fsync}, wal_sync_method=${server.wal_sync_method}`,
    )
    if (server.synchronous_commit !== 'on') {
      console.warn('synchronous_commit is not on: the figures below are not durable writes')
    }
    await database.db
      .insert(users)
      .values({ id: 'bench-owner', name: 'Bench', email: 'bench-owner@example.com' })
    await database.db.insert(questionSets).values({
      token: 'bench-answers-set',
      ownerId: 'bench-owner',
      title: 'Bench',
      loopData: {
        videoUrl: 'https://example.com/v.mp4',
        videoTitle: 'Bench',
        provider: 'html5',
        startS: 0,
        endS: 1,
      },
      questions: [],
      visibility: 'public',
    })
    const results: RunResult[] = []
    let run = 0
    for (let round = 1; round <= rounds; round += 1) {
      for (const settings of sweep) {
        run += 1
        const result = await runOnce(database, settings, run, round)
        results.push(result)
        console.log(
          `batch ≤${settings.maxBatch}, ${settings.maxInFlight} in flight, wait ${settings.maxWaitMs} ms: ` +
            `${result.answersPerSecond.toLocaleString('en')} answers/s (${result.answers.toLocaleString('en')} in ${result.seconds} s), ` +
            `${result.batches} batches (mean ${result.meanBatch}, largest ${result.largestBatch}), ` +
            `latency p50 ${result.latencyMs.p50} / p95 ${result.latencyMs.p95} / p99 ${result.latencyMs.p99} ms, ` +
            `loop delay p99 ${result.eventLoopDelayP99Ms} ms, CPU ${result.processCpuPercent}%, load ${result.loadAverage}, ` +
            `${result.verified ? 'all stored once' : 'NOT ALL STORED'}`,
        )
        // Keeps the table small between runs, so later settings are not measured on a bigger index.
        await database.db.execute(sql`truncate answers, question_openings`)
        await database.db.execute(sql`delete from attempts`)
        await database.db.execute(sql`vacuum analyze attempts`)
      }
    }
    const best = results.reduce((a, b) => (b.answersPerSecond > a.answersPerSecond ? b : a))
    const report = {
      benchmark: 'answer-writer',
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        node: process.version,
      },
      postgres: server,
      attempts: attemptCount,
      questionsPerAttempt,
      producers,
      best: { settings: best.settings, answersPerSecond: best.answersPerSecond },
      runs: results,
    }
    await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`)
    console.log(
      `best: ${best.answersPerSecond.toLocaleString('en')} answers/s (batch ≤${best.settings.maxBatch}, ${best.settings.maxInFlight} in flight); wrote ${RESULTS_FILE}`,
    )
    if (results.some((result) => !result.verified)) process.exitCode = 1
  } finally {
    await close()
    await drop()
  }
}

await main()
