import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/database.ts'
import { groupQuizSessions } from '../../db/schema/sessions.ts'
import { openTestDatabase } from '../../test/databases.ts'
import {
  createTestApp,
  sampleLoop,
  sampleQuestions,
  signUp,
  type TestApp,
  type TestUser,
} from '../../test/test-app.ts'

// The scheduler moves sessions on its own: no request starts or ends them here. Every wait
// polls the database up to a generous deadline, so a slow machine makes the tests slower,
// never red.
const manual = { kind: 'manual', loop: sampleLoop, questions: sampleQuestions }
const REMINDER_LEAD_MS = 1_500
// A database of its own for the test that needs every node on it closed. Registered first, so
// it is closed last, after the apps on it (afterAll hooks run in reverse order).
const quietDatabase = await openTestDatabase()
afterAll(() => quietDatabase.close())
const node = await createTestApp({}, { timing: { reminderLeadMs: REMINDER_LEAD_MS } })
// A second app on the same database stands for a second server node.
const otherNode = await createTestApp(
  {},
  { database: node.database, timing: { reminderLeadMs: REMINDER_LEAD_MS } },
)

async function groupOf(app: TestApp) {
  const owner = await signUp(app, 'Scheduler owner')
  const group = (
    await app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: owner.bearer,
      payload: { name: 'Timed' },
    })
  ).json()
  return { owner, base: `/api/groups/${group.id}/sessions` }
}

interface Planned {
  id: string
  scheduledAt: string
  endsAt: string
}

/**
 * Schedules a session about `leadMs` ahead, with at least `spareMs` of it left once the call
 * has returned. The start time is fixed before the request, so a call slowed down by a busy
 * machine can eat the lead: the start is then in the past (refused) or too close for what the
 * test needs (the reminder already due, say). Such an attempt is withdrawn and made again
 * with twice the lead; the rules under test never see a raced call.
 */
async function scheduleAhead(
  app: TestApp,
  owner: TestUser,
  base: string,
  {
    leadMs,
    spareMs = 0,
    durationMinutes = 60,
  }: {
    leadMs: number
    spareMs?: number
    durationMinutes?: number
  },
): Promise<Planned> {
  for (let lead = leadMs; lead <= 64 * leadMs; lead *= 2) {
    const scheduledAt = new Date(Date.now() + lead)
    const response = await app.inject({
      method: 'POST',
      url: `${base}/schedule`,
      headers: owner.bearer,
      payload: { scheduledAt: scheduledAt.toISOString(), durationMinutes, source: manual },
    })
    if (response.statusCode === 201) {
      const session = response.json() as Planned
      if (scheduledAt.getTime() - Date.now() >= spareMs) return session
      await app.inject({ method: 'DELETE', url: `${base}/${session.id}`, headers: owner.bearer })
      continue
    }
    // Only a start that passed during the call is a raced call; anything else is a failure.
    expect(response.json().error.message, response.body).toBe('The start time has already passed.')
  }
  throw new Error(`could not schedule ${leadMs} ms ahead even with 64 times the lead`)
}

async function statusIn(db: Database, id: string) {
  const [row] = await db
    .select({ status: groupQuizSessions.status, startedAt: groupQuizSessions.startedAt })
    .from(groupQuizSessions)
    .where(eq(groupQuizSessions.id, id))
  if (!row) throw new Error(`no session ${id}`)
  return row
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`)
}

const until = (iso: string) => Date.parse(iso) - Date.now()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))

// Concurrent: the tests spend most of their time waiting for the clock, each on its own sessions.
describe.concurrent('the session scheduler', () => {
  it('starts a session scheduled 2 s ahead and completes it at its end, without any request', async () => {
    const { owner, base } = await groupOf(node)
    const session = await scheduleAhead(node, owner, base, { leadMs: 2_000, durationMinutes: 1 })
    expect((await statusIn(node.db, session.id)).status).toBe('scheduled')
    await waitFor(
      'started',
      async () => (await statusIn(node.db, session.id)).status === 'active',
      until(session.scheduledAt) + 30_000,
    )
    await waitFor(
      'completed',
      async () => (await statusIn(node.db, session.id)).status === 'completed',
      until(session.endsAt) + 90_000,
    )
  }, 240_000)

  it('starts and reminds each session exactly once with two nodes on one database', async () => {
    const changes: string[] = []
    for (const app of [node, otherNode]) {
      app.sessionChanges.on('change', (change, session) => changes.push(`${change}:${session.id}`))
    }
    const { owner, base } = await groupOf(node)
    const sessions: Planned[] = []
    // Each needs its reminder time still ahead when it is planned, or it gets no reminder.
    for (let i = 0; i < 5; i++) {
      sessions.push(
        await scheduleAhead(node, owner, base, {
          leadMs: 3_000 + i * 100,
          spareMs: REMINDER_LEAD_MS + 500,
        }),
      )
    }
    const last = Math.max(...sessions.map((s) => Date.parse(s.scheduledAt)))
    await waitFor(
      'all started',
      async () => {
        const rows = await Promise.all(sessions.map((s) => statusIn(otherNode.db, s.id)))
        return rows.every((row) => row.status === 'active')
      },
      last - Date.now() + 30_000,
    )
    // Give a duplicate, if any, the time to show up.
    await sleep(1_500)
    for (const session of sessions) {
      expect(changes.filter((c) => c === `start:${session.id}`)).toHaveLength(1)
      expect(changes.filter((c) => c === `remind:${session.id}`)).toHaveLength(1)
    }
  }, 120_000)

  it('misses nothing that fell due while no node was running', async () => {
    const database = quietDatabase
    const first = await createTestApp({}, { database })
    const { owner, base } = await groupOf(first)
    // One session due to start while the nodes are down, one due to start and end.
    const starting = await scheduleAhead(first, owner, base, { leadMs: 5_000, spareMs: 3_000 })
    const ending = await scheduleAhead(first, owner, base, {
      leadMs: 5_000,
      spareMs: 3_000,
      durationMinutes: 1,
    })
    await first.close()
    // Closed before anything was due: nothing has happened to either yet.
    expect(await statusIn(database.db, starting.id)).toEqual({
      status: 'scheduled',
      startedAt: null,
    })
    expect(await statusIn(database.db, ending.id)).toEqual({ status: 'scheduled', startedAt: null })

    await sleep(until(ending.endsAt) + 1_000)
    // Both times have passed with no node running, and nothing has moved.
    expect((await statusIn(database.db, ending.id)).status).toBe('scheduled')

    // A fresh node on the same database; it is closed with the others after the file.
    await createTestApp({}, { database })
    // The jobs are overdue and run at once; the minute sweep catches anything they miss.
    await waitFor(
      'started and completed after the restart',
      async () =>
        (await statusIn(database.db, starting.id)).status === 'active' &&
        (await statusIn(database.db, ending.id)).status === 'completed',
      150_000,
    )
    const started = await statusIn(database.db, starting.id)
    expect(started.startedAt?.getTime()).toBeGreaterThanOrEqual(Date.parse(starting.scheduledAt))
  }, 300_000)
})
