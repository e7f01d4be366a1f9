import { describe, expect, it } from 'vitest'
import {
  createTestApp,
  sampleLoop,
  sampleQuestions,
  signUp,
  type TestApp,
  type TestUser,
} from '../../test/test-app.ts'

// The scheduler moves sessions on its own: no request starts or ends them here.
const manual = { kind: 'manual', loop: sampleLoop, questions: sampleQuestions }
const node = await createTestApp({}, { timing: { reminderLeadMs: 1_500 } })
// A second app on the same database stands for a second server node.
const otherNode = await createTestApp(
  {},
  { database: node.database, timing: { reminderLeadMs: 1_500 } },
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

async function schedule(
  app: TestApp,
  owner: TestUser,
  base: string,
  inMs: number,
  durationMinutes = 60,
) {
  const response = await app.inject({
    method: 'POST',
    url: `${base}/schedule`,
    headers: owner.bearer,
    payload: {
      scheduledAt: new Date(Date.now() + inMs).toISOString(),
      durationMinutes,
      source: manual,
    },
  })
  expect(response.statusCode, response.body).toBe(201)
  return response.json() as { id: string }
}

async function statusOf(app: TestApp, owner: TestUser, base: string, id: string): Promise<string> {
  return (await app.inject({ method: 'GET', url: `${base}/${id}`, headers: owner.bearer })).json()
    .status
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`condition not met within ${timeoutMs} ms`)
}

describe('the session scheduler', () => {
  it('starts a session scheduled 2 s ahead and completes it at its end, without any request', async () => {
    const { owner, base } = await groupOf(node)
    const session = await schedule(node, owner, base, 2_000, 1)
    expect(await statusOf(node, owner, base, session.id)).toBe('scheduled')
    await waitFor(async () => (await statusOf(node, owner, base, session.id)) === 'active', 10_000)
    await waitFor(
      async () => (await statusOf(node, owner, base, session.id)) === 'completed',
      75_000,
    )
  }, 90_000)

  it('starts and reminds each session exactly once with two nodes on one database', async () => {
    const changes: string[] = []
    for (const app of [node, otherNode]) {
      app.sessionChanges.on('change', (change, session) => changes.push(`${change}:${session.id}`))
    }
    const { owner, base } = await groupOf(node)
    const sessions: { id: string }[] = []
    for (let i = 0; i < 5; i++) sessions.push(await schedule(node, owner, base, 3_000 + i * 100))
    await waitFor(async () => {
      const statuses = await Promise.all(
        sessions.map((s) => statusOf(otherNode, owner, base, s.id)),
      )
      return statuses.every((status) => status === 'active')
    }, 15_000)
    // Give a duplicate, if any, the time to show up.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    for (const session of sessions) {
      expect(changes.filter((c) => c === `start:${session.id}`)).toHaveLength(1)
      expect(changes.filter((c) => c === `remind:${session.id}`)).toHaveLength(1)
    }
  }, 30_000)

  it('misses nothing scheduled while no node was running', async () => {
    const first = await createTestApp({}, { database: node.database })
    const { owner, base } = await groupOf(first)
    const session = await schedule(first, owner, base, 1_500)
    await first.close()
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    const restarted = await createTestApp({}, { database: node.database })
    await waitFor(
      async () => (await statusOf(restarted, owner, base, session.id)) === 'active',
      15_000,
    )
  }, 30_000)
})
