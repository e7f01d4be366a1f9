import type { SessionStatus } from '@loopquiz/contract'
import { sql } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import {
  type ConstructorOptions,
  type DrizzleTransactionLike,
  fromDrizzle,
  fromPglite,
  type Job,
  type JobResult,
  PgBoss,
  type QueueOptions,
  type QueuePolicy,
} from 'pg-boss'
import type { Database, DatabaseHandle } from '../db/database.ts'
import type { SessionChange } from '../domain/session-state.ts'

/** The data each kind of job carries, by job name. */
export interface JobPayloads {
  'session.start': { sessionId: string }
  'session.complete': { sessionId: string }
  'session.remind': { sessionId: string }
  /** A live question's lock at its deadline; `version` is the state that opened it. */
  'session.live_lock': { sessionId: string; version: number }
  /**
   * Makes the notifications of one thing that happened; `eventId` names it, so a retry makes
   * none twice. `actorId`: who did it (null for the scheduler).
   */
  'notification.deliver':
    | {
        kind: 'session'
        eventId: string
        change: SessionChange
        /** The session's state right after the change (it may have moved on by delivery). */
        status: SessionStatus
        sessionId: string
        actorId: string | null
      }
    | { kind: 'join_request' | 'join_request_decided'; eventId: string; requestId: string }
    | { kind: 'invitation'; eventId: string; invitationId: string }
  /** Sends one notification's e-mail (queued in the transaction that made the notification). */
  'notification.mail': { notificationId: string }
  /**
   * A mail about an account or an invitation to an address, sent whatever the settings say.
   * `url` holds a secret token (of at most an hour, or an invitation's): never logged.
   */
  'account.mail': {
    mailId: string
    kind: 'verify_email' | 'reset_password' | 'invitation'
    to: { name: string; email: string }
    url: string
    inviterName?: string
    groupName?: string
  }
}

/** A kind of job; each has a queue of its own. */
export type JobName = keyof JobPayloads

/** Work run at a given time, once across all server nodes and across restarts. */
export interface JobQueue {
  /**
   * Runs `name` with `data` at `runAt` (at once if that has passed). While a job with the same
   * `name` and `key` waits, runs or waits for a retry, scheduling it again does nothing; once it
   * has finished, the key is free again. With `tx` (a Drizzle transaction), the job is created
   * in that transaction, so it exists only if the rows it is about are committed. Inside a
   * transaction, always pass it: on PGlite, a job sent beside an open transaction waits for it
   * forever.
   */
  schedule<N extends JobName>(
    name: N,
    data: JobPayloads[N],
    options: { runAt: Date; key: string },
    tx?: Database,
  ): Promise<void>
  /** Runs `handler` for every due job of `name` on this node; a job that throws is retried. */
  work<N extends JobName>(name: N, handler: (data: JobPayloads[N]) => Promise<void>): Promise<void>
  /** Runs `handler` on each tick of `cron` (UTC), on one node per tick. */
  every(name: string, cron: string, handler: () => Promise<void>): Promise<void>
  /** Stops taking jobs and waits (up to 30 s) for the handlers still running. */
  stop(): Promise<void>
}

export interface JobQueueOptions {
  logger: FastifyBaseLogger
  /** How often each queue asks for due jobs, so how late a job may start: 0.5 s at least. */
  pollingIntervalSeconds?: number
  /** How often due cron ticks are looked for and sent (1–45 s); pg-boss's default is 30. */
  cronCheckIntervalSeconds?: number
}

// Every queue has to exist before a job is sent to it, and a job sent inside a transaction cannot
// create its queue there (on PGlite that waits for the transaction forever), so all are created
// at start. `satisfies` fails the build when JobPayloads gains a name this list lacks.
const jobNames = Object.keys({
  'session.start': true,
  'session.complete': true,
  'session.remind': true,
  'session.live_lock': true,
  'notification.deliver': true,
  'notification.mail': true,
  'account.mail': true,
} satisfies Record<JobName, true>) as JobName[]

const RETRY_LIMIT = 3
/** pg-boss refuses to poll more often than every 500 ms. */
const MIN_POLLING_INTERVAL_SECONDS = 0.5

const jobRetryOptions = {
  retryLimit: RETRY_LIMIT,
  retryDelay: 1,
  retryBackoff: true,
  retryDelayMax: 60,
  // Handlers are short database updates. A job whose node died mid-run stays active until this
  // passes (checked once a minute), then another node retries it; pg-boss's default is 15 minutes.
  expireInSeconds: 60,
} satisfies QueueOptions

/**
 * A mail server may be away for a while (a restart, an outage): mail is retried for about two
 * hours (1 s, 2 s, 4 s… then every 10 minutes) before it counts as failed.
 */
const mailRetryOptions = {
  ...jobRetryOptions,
  retryLimit: 20,
  retryDelayMax: 600,
} satisfies QueueOptions

const retryOptionsByJob: Partial<Record<JobName, QueueOptions>> = {
  'notification.mail': mailRetryOptions,
  'account.mail': mailRetryOptions,
}

const cronRetryOptions = {
  // The next tick is the retry; retrying a tick could overlap it.
  retryLimit: 0,
  expireInSeconds: 60,
} satisfies QueueOptions

// Due jobs are fetched this many at a time, and the fetch repeats at once while batches come back
// full: with one at a time, a worker waits a polling interval after every job, so fifty sessions
// starting together would start over fifty seconds.
const BATCH_SIZE = 10

export async function startJobQueue(
  database: DatabaseHandle,
  { logger, pollingIntervalSeconds = 1, cronCheckIntervalSeconds = 30 }: JobQueueOptions,
): Promise<JobQueue> {
  if (pollingIntervalSeconds < MIN_POLLING_INTERVAL_SECONDS) {
    throw new Error(`pollingIntervalSeconds must be at least ${MIN_POLLING_INTERVAL_SECONDS}`)
  }
  const boss = new PgBoss({
    ...connectionOptions(database),
    // pg-boss keeps its tables in a schema of its own and migrates it itself on start (under an
    // advisory lock, so nodes starting together take turns); Drizzle's migrations never see it.
    schema: 'pgboss',
    cronMonitorIntervalSeconds: cronCheckIntervalSeconds,
    cronWorkerIntervalSeconds: Math.min(5, cronCheckIntervalSeconds),
  })
  // Without a listener, an 'error' event would end the process.
  boss.on('error', (error) => logger.error({ err: loggable(error) }, 'job queue error'))
  boss.on('warning', ({ message, data }) => logger.warn({ data }, `job queue: ${message}`))
  await boss.start()
  try {
    // One job per key while it is queued, running or waiting for a retry: the documented way to
    // make sending the same key twice create one job (singletonKey on a standard queue does not).
    for (const name of jobNames) {
      await createQueue(name, 'exclusive', retryOptionsByJob[name] ?? jobRetryOptions)
    }
  } catch (error) {
    await boss.stop({ graceful: false })
    throw error
  }

  const workOptions = { pollingIntervalSeconds, batchSize: BATCH_SIZE, burstWhenBatchFull: true }
  const handled = new Set<string>()
  const claimHandler = (name: string) => {
    if (handled.has(name)) throw new Error(`a handler for ${name} is already registered`)
    handled.add(name)
  }

  return {
    async schedule(name, data, { runAt, key }, tx) {
      const id = await boss.send(name, data, {
        startAfter: runAt,
        singletonKey: key,
        // pg-boss's adapter calls only `execute`; Drizzle types its result per driver, which the
        // adapter's type cannot name, but both drivers answer with `{ rows }`.
        ...(tx ? { db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql) } : {}),
      })
      if (id === null) logger.debug({ job: name, key }, 'job already scheduled')
    },

    async work(name, handler) {
      claimHandler(name)
      await boss.work<JobPayloads[typeof name]>(
        name,
        { ...workOptions, perJobResults: true },
        // Each job of a batch succeeds or fails on its own: one failing must not retry the others.
        (jobs) => Promise.all(jobs.map((job) => runJob(job, handler))),
      )
    },

    async every(name, cron, handler) {
      claimHandler(name)
      await createQueue(name, 'standard', cronRetryOptions)
      // Stored in the database (updated if it exists); the node that claims a tick sends its job.
      await boss.schedule(name, cron)
      await boss.work(name, { pollingIntervalSeconds }, async () => {
        try {
          await handler()
        } catch (error) {
          logger.error({ err: error, job: name }, 'recurring job failed')
          throw error
        }
      })
    },

    stop: () => boss.stop({ graceful: true, timeout: 30_000 }),
  }

  // createQueue leaves a queue that exists as it is; updateQueue brings its options in line with
  // this code, so changing them here takes effect on the next start.
  async function createQueue(name: string, policy: QueuePolicy, options: QueueOptions) {
    await boss.createQueue(name, { policy, ...options })
    await boss.updateQueue(name, options)
  }

  async function runJob<T>(job: Job<T>, handler: (data: T) => Promise<void>): Promise<JobResult> {
    try {
      await handler(job.data)
      return { id: job.id, status: 'completed' }
    } catch (error) {
      const attempt = job.retryCount + 1
      const limit =
        (retryOptionsByJob[job.name as JobName] ?? jobRetryOptions).retryLimit ?? RETRY_LIMIT
      const willRetry = job.retryCount < limit
      logger[willRetry ? 'warn' : 'error'](
        { err: error, job: job.name, jobId: job.id, attempt },
        willRetry ? 'job failed; it will be retried' : 'job failed for good',
      )
      const message = error instanceof Error ? error.message : String(error)
      return { id: job.id, status: 'failed', output: { message } }
    }
  }
}

// A connection error carries its pg client, with the connection's settings: log the error alone.
function loggable(error: Error & { code?: unknown; queue?: unknown }) {
  const { name, message, code, queue, stack } = error
  return { type: name, message, code, queue, stack }
}

function connectionOptions(database: DatabaseHandle): ConstructorOptions {
  const { driver } = database
  if (driver.kind === 'pglite') {
    // PGlite is one connection: pg-boss's polls, maintenance and the app's queries take turns on it.
    return { backend: 'pglite', db: fromPglite(driver.client) }
  }
  // A small pool of pg-boss's own, so its polling never waits behind the app's queries.
  return { connectionString: driver.url, max: 4, application_name: 'loopquiz-jobs' }
}
