import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import pino from 'pino'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { openTestDatabase } from '../test/databases.ts'
import { type JobQueue, startJobQueue } from './jobs.ts'

const database = await openTestDatabase()
const logger = pino({ level: 'silent' })

// A job is only fetched once per polling interval (1 s by default), so "on time" is within that.
const POLL_MS = 1000
const started = new Set<JobQueue>()

/** A JobQueue as one server node would start it, stopped after the test. */
async function startNode(options: { cronCheckIntervalSeconds?: number } = {}) {
  const queue = await startJobQueue(database, { logger, ...options })
  started.add(queue)
  return queue
}

async function stopNode(queue: JobQueue) {
  started.delete(queue)
  await queue.stop()
}

afterEach(async () => {
  await Promise.all([...started].map(stopNode))
})

afterAll(() => database.close())

function inMs(ms: number) {
  return new Date(Date.now() + ms)
}

describe(`job queue on ${database.kind}`, () => {
  it('runs a job once, at its time and not before', async () => {
    const node = await startNode()
    const runs: number[] = []
    await node.work('session.start', async () => {
      runs.push(Date.now())
    })
    const runAt = inMs(1500)
    await node.schedule('session.start', { sessionId: randomUUID() }, { runAt, key: randomUUID() })

    await sleep(1000)
    expect(runs).toHaveLength(0)
    await vi.waitFor(() => expect(runs).toHaveLength(1), { timeout: 5000, interval: 20 })
    const [ranAt = 0] = runs
    expect(ranAt).toBeGreaterThanOrEqual(runAt.getTime())
    expect(ranAt - runAt.getTime()).toBeLessThan(POLL_MS + 500)

    await sleep(POLL_MS * 2)
    expect(runs).toHaveLength(1)
  })

  it('creates one job for a key scheduled twice, and a new one once it has run', async () => {
    const node = await startNode()
    const sessionId = randomUUID()
    const key = `session.remind:${sessionId}`
    const runs: string[] = []
    await node.work('session.remind', async (data) => {
      runs.push(data.sessionId)
    })
    await node.schedule('session.remind', { sessionId }, { runAt: inMs(500), key })
    await node.schedule('session.remind', { sessionId }, { runAt: inMs(500), key })

    await vi.waitFor(() => expect(runs).toHaveLength(1), { timeout: 5000, interval: 20 })
    await sleep(POLL_MS * 2)
    expect(runs).toEqual([sessionId])

    await node.schedule('session.remind', { sessionId }, { runAt: new Date(), key })
    await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 5000, interval: 20 })
  })

  it('retries a job whose handler throws, until it succeeds', async () => {
    const node = await startNode()
    const sessionId = randomUUID()
    let attempts = 0
    const completed: string[] = []
    await node.work('session.complete', async (data) => {
      attempts += 1
      if (attempts === 1) throw new Error('database busy')
      completed.push(data.sessionId)
    })
    await node.schedule('session.complete', { sessionId }, { runAt: new Date(), key: sessionId })

    await vi.waitFor(() => expect(completed).toEqual([sessionId]), { timeout: 8000, interval: 20 })
    expect(attempts).toBe(2)
  })

  // On PostgreSQL these are two nodes with connections of their own; on PGlite (one process,
  // one connection) two queues compete for the same jobs through the one embedded database.
  it('runs each of 20 jobs exactly once across two nodes', async () => {
    const nodes = [await startNode(), await startNode()]
    const runs: string[] = []
    for (const node of nodes) {
      await node.work('session.start', async (data) => {
        runs.push(data.sessionId)
      })
    }
    const sessionIds = Array.from({ length: 20 }, () => randomUUID())
    const runAt = inMs(1000)
    for (const [index, sessionId] of sessionIds.entries()) {
      const node = nodes[index % 2] as JobQueue
      await node.schedule('session.start', { sessionId }, { runAt, key: sessionId })
    }

    await vi.waitFor(() => expect(runs).toHaveLength(20), { timeout: 6000, interval: 20 })
    await sleep(POLL_MS * 2)
    expect(runs.toSorted()).toEqual(sessionIds.toSorted())
  })

  it('runs a job that came due while every node was stopped, after a restart', async () => {
    const before = await startNode()
    const sessionId = randomUUID()
    const runAt = inMs(1000)
    await before.schedule('session.remind', { sessionId }, { runAt, key: sessionId })
    await stopNode(before)
    await sleep(runAt.getTime() - Date.now() + 500)

    const after = await startNode()
    const runs: string[] = []
    await after.work('session.remind', async (data) => {
      runs.push(data.sessionId)
    })
    await vi.waitFor(() => expect(runs).toEqual([sessionId]), { timeout: 5000, interval: 20 })
  })

  it('creates a job sent inside a transaction only if the transaction commits', async () => {
    const node = await startNode()
    const committed = randomUUID()
    const rolledBack = randomUUID()
    const runs: string[] = []
    await node.work('session.start', async (data) => {
      runs.push(data.sessionId)
    })

    await database.db.transaction(async (tx) => {
      await node.schedule(
        'session.start',
        { sessionId: committed },
        { runAt: new Date(), key: committed },
        tx,
      )
    })
    await expect(
      database.db.transaction(async (tx) => {
        await node.schedule(
          'session.start',
          { sessionId: rolledBack },
          { runAt: new Date(), key: rolledBack },
          tx,
        )
        throw new Error('the session could not be saved')
      }),
    ).rejects.toThrow('the session could not be saved')

    await vi.waitFor(() => expect(runs).toEqual([committed]), { timeout: 5000, interval: 20 })
    await sleep(POLL_MS * 2)
    expect(runs).toEqual([committed])
  })

  it('runs recurring work on one node per tick', async () => {
    // The tick of the minute the schedule is created in is sent at once; keep clear of the next.
    const msLeftInMinute = 60_000 - (Date.now() % 60_000)
    if (msLeftInMinute < 6000) await sleep(msLeftInMinute + 100)
    const nodes = [
      await startNode({ cronCheckIntervalSeconds: 1 }),
      await startNode({ cronCheckIntervalSeconds: 1 }),
    ]
    let ticks = 0
    for (const node of nodes) {
      await node.every('sessions.sweep', '* * * * *', async () => {
        ticks += 1
      })
    }
    await vi.waitFor(() => expect(ticks).toBe(1), { timeout: 4000, interval: 20 })
    await sleep(POLL_MS * 2)
    expect(ticks).toBe(1)
  })
})
