import type { Notification, NotificationPage } from '@loopquiz/contract'
import { beforeAll, describe, expect, it } from 'vitest'
import { connectAs, listenOnce, nextEvent } from '../../test/realtime-clients.ts'
import { inHours, manualSource as manual, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp, signUp, type TestApp, type TestUser } from '../../test/test-app.ts'

let app: TestApp
let call: ReturnType<typeof sessionFixtures>['call']
let setUpGroup: ReturnType<typeof sessionFixtures>['setUpGroup']

beforeAll(async () => {
  app = await createTestApp()
  ;({ call, setUpGroup } = sessionFixtures(app))
})

async function page(user: TestUser, query = ''): Promise<NotificationPage> {
  const response = await call('GET', `/api/notifications${query}`, user)
  expect(response.statusCode).toBe(200)
  return response.json()
}

/** Deliveries run on the job queue: waits until the user has `count` notifications. */
async function notificationsOf(user: TestUser, count: number): Promise<Notification[]> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const { items } = await page(user, '?limit=100')
    if (items.length >= count || Date.now() > deadline) return items
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Waits for the deliveries now queued (each lands within a second or two) and a bit more. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500))

describe('notifications of sessions', () => {
  it('tells every other member of a scheduled session once, and pushes it to them live', async () => {
    const { owner, admin, member, outsider, group, base } = await setUpGroup()
    const origin = await listenOnce(app)
    const socket = await connectAs(origin, member)
    const pushed = nextEvent(socket, 'notification:created', () => true, 10_000)
    const session = (
      await call('POST', `${base}/schedule`, admin, {
        scheduledAt: inHours(3),
        title: 'Chapter 4 quiz',
        source: manual,
      })
    ).json()

    const event = await pushed
    expect(event.unreadCount).toBe(1)
    expect(event.notification).toMatchObject({
      type: 'session_scheduled',
      readAt: null,
      group: { id: group.id, name: 'Class' },
      session: { id: session.id, title: 'Chapter 4 quiz', scheduledAt: session.scheduledAt },
      actorName: 'Admin',
      link: `/groups/${group.id}/sessions/${session.id}`,
    })
    for (const user of [owner, member]) {
      const items = await notificationsOf(user, 1)
      expect(items.map((item) => item.type)).toEqual(['session_scheduled'])
    }
    await settle()
    expect((await page(admin)).items).toEqual([])
    expect((await page(outsider)).items).toEqual([])
    expect((await page(member)).items).toHaveLength(1)
  })

  it('tells members of a recurring series once, not once per occurrence', async () => {
    const { owner, member, base } = await setUpGroup()
    const created = await call('POST', `${base}/schedule`, owner, {
      scheduledAt: inHours(3),
      recurrenceRule: 'FREQ=WEEKLY;COUNT=4',
      source: manual,
    })
    expect(created.statusCode).toBe(201)
    await notificationsOf(member, 1)
    await settle()
    expect((await page(member)).items.map((item) => item.type)).toEqual(['session_scheduled'])
  })

  it('asks owner and admins to approve a member’s session, and tells members only once approved', async () => {
    const { owner, admin, member, base, group } = await setUpGroup({
      session_creation_permission: 'all_members',
      session_approval_required: true,
    })
    const other = await signUp(app, 'Other member')
    await call('POST', `/api/join/${group.joinCode}`, other, {})
    const session = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(4), source: manual })
    ).json()
    expect(session.status).toBe('pending_approval')
    for (const decider of [owner, admin]) {
      const [request] = await notificationsOf(decider, 1)
      expect(request).toMatchObject({
        type: 'approval_needed',
        actorName: 'Member',
        link: `/groups/${group.id}/sessions`,
      })
    }
    await settle()
    expect((await page(other)).items).toEqual([])

    expect((await call('POST', `${base}/${session.id}/approve`, admin)).statusCode).toBe(200)
    const [decision] = await notificationsOf(member, 1)
    expect(decision).toMatchObject({
      type: 'approval_decided',
      outcome: 'approved',
      actorName: 'Admin',
    })
    const [announced] = await notificationsOf(other, 1)
    expect(announced?.type).toBe('session_scheduled')
    await settle()
    expect((await page(member)).items.map((item) => item.type)).toEqual(['approval_decided'])
    // The admin who approved hears nothing more of it; the owner hears of the session.
    expect((await page(admin)).items.map((item) => item.type)).toEqual(['approval_needed'])
    expect((await page(owner)).items.map((item) => item.type)).toEqual([
      'session_scheduled',
      'approval_needed',
    ])
  })

  it('tells the member whose session was rejected, and nobody when a request is withdrawn', async () => {
    const { owner, member, base } = await setUpGroup({
      session_creation_permission: 'all_members',
      session_approval_required: true,
    })
    const rejected = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(4), source: manual })
    ).json()
    await call('POST', `${base}/${rejected.id}/reject`, owner)
    const [decision] = await notificationsOf(member, 1)
    expect(decision).toMatchObject({ type: 'approval_decided', outcome: 'rejected' })

    const withdrawn = (
      await call('POST', `${base}/schedule`, member, { scheduledAt: inHours(5), source: manual })
    ).json()
    await call('DELETE', `${base}/${withdrawn.id}`, member)
    await settle()
    const ownerTypes = (await page(owner)).items.map((item) => item.type)
    expect(ownerTypes).toEqual(['approval_needed', 'approval_needed'])
  })

  it('tells members of a new time and of a cancellation', async () => {
    const { owner, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(3), source: manual })
    ).json()
    await notificationsOf(member, 1)
    const moved = (
      await call('PUT', `${base}/${session.id}`, owner, { scheduledAt: inHours(6) })
    ).json()
    const [rescheduled] = await notificationsOf(member, 2)
    expect(rescheduled).toMatchObject({
      type: 'session_rescheduled',
      session: { scheduledAt: moved.scheduledAt },
    })
    await call('DELETE', `${base}/${session.id}`, owner)
    const [cancelled] = await notificationsOf(member, 3)
    expect(cancelled?.type).toBe('session_cancelled')
    await settle()
    expect((await page(owner)).items).toEqual([])
  })

  it('tells members an instant session has started', async () => {
    const { owner, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, {
        durationMinutes: 30,
        source: manual,
      })
    ).json()
    const [started] = await notificationsOf(member, 1)
    expect(started).toMatchObject({ type: 'session_started', session: { id: session.id } })
  })

  it('delivers each event once, however often its job runs', async () => {
    const { owner, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, { durationMinutes: 30, source: manual })
    ).json()
    await notificationsOf(member, 1)
    const event = {
      kind: 'session' as const,
      eventId: crypto.randomUUID(),
      change: 'start' as const,
      status: 'active' as const,
      sessionId: session.id,
      actorId: owner.id,
    }
    // The admin and the member; the owner started it.
    expect(await app.services.notifications.deliver(event)).toBe(2)
    expect(await app.services.notifications.deliver(event)).toBe(0)
    expect((await page(member)).items).toHaveLength(2)
  })
})

describe('reminders and results', () => {
  it('reminds members before a session starts, once', async () => {
    const soon = await createTestApp({}, { timing: { reminderLeadMs: 3_600_000 - 2_000 } })
    const fixtures = sessionFixtures(soon)
    const { owner, member, base } = await fixtures.setUpGroup()
    const session = (
      await fixtures.call('POST', `${base}/schedule`, owner, {
        scheduledAt: inHours(1),
        source: manual,
      })
    ).json()
    const deadline = Date.now() + 15_000
    let types: string[] = []
    while (Date.now() < deadline && !types.includes('session_starting_soon')) {
      await new Promise((resolve) => setTimeout(resolve, 200))
      const response = await fixtures.call('GET', '/api/notifications', member)
      types = (response.json() as NotificationPage).items.map((item) => item.type)
    }
    expect(types).toEqual(['session_starting_soon', 'session_scheduled'])
    const [reminder] = (
      (await fixtures.call('GET', '/api/notifications', member)).json() as NotificationPage
    ).items
    expect(reminder?.session).toMatchObject({ id: session.id, scheduledAt: session.scheduledAt })
  })

  it('tells those who took part that the results are in, when the host ends it', async () => {
    const { owner, admin, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, { durationMinutes: 30, source: manual })
    ).json()
    expect((await call('POST', `${base}/${session.id}/join`, member, {})).statusCode).toBe(200)
    await notificationsOf(member, 1)
    expect((await call('POST', `${base}/${session.id}/end`, owner, {})).statusCode).toBe(200)
    const [results] = await notificationsOf(member, 2)
    expect(results).toMatchObject({ type: 'results_ready', session: { id: session.id } })
    await settle()
    // The admin did not take part.
    expect((await page(admin)).items.map((item) => item.type)).toEqual(['session_started'])
  })
})

describe('notifications of join requests', () => {
  it('tells owner and admins of a request and the requester of the decision', async () => {
    const owner = await signUp(app, 'Owner')
    const requester = await signUp(app, 'Newcomer')
    const group = (
      await call('POST', '/api/groups', owner, {
        name: 'Private circle',
        privacy: 'private',
        timezone: 'UTC',
      })
    ).json()
    await call('POST', `/api/join/${group.joinCode}`, requester, {})
    const [request] = await notificationsOf(owner, 1)
    expect(request).toMatchObject({
      type: 'join_request',
      actorName: 'Newcomer',
      group: { name: 'Private circle' },
      link: `/groups/${group.id}/members`,
    })
    const [pending] = (await call('GET', `/api/groups/${group.id}/join-requests`, owner)).json()
      .items
    await call('POST', `/api/groups/${group.id}/join-requests/${pending.id}/approve`, owner)
    const [decided] = await notificationsOf(requester, 1)
    expect(decided).toMatchObject({
      type: 'join_request_decided',
      outcome: 'approved',
      link: `/groups/${group.id}`,
    })
  })
})

describe('reading notifications', () => {
  it('marks one read, then all, and pages newest first', async () => {
    const { owner, member, base } = await setUpGroup()
    for (const hours of [3, 4, 5]) {
      await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(hours), source: manual })
    }
    const items = await notificationsOf(member, 3)
    expect(items).toHaveLength(3)
    const first = await page(member, '?limit=2')
    expect(first.items).toHaveLength(2)
    expect(first.unreadCount).toBe(3)
    const rest = await page(member, `?limit=2&cursor=${first.nextCursor}`)
    expect(rest.items).toHaveLength(1)
    expect(rest.nextCursor).toBeNull()
    expect([...first.items, ...rest.items].map((item) => item.id)).toEqual(
      items.map((item) => item.id),
    )

    const target = items[1] as Notification
    expect((await call('POST', `/api/notifications/${target.id}/read`, owner)).statusCode).toBe(404)
    const read = await call('POST', `/api/notifications/${target.id}/read`, member)
    expect(read.json()).toEqual({ unreadCount: 2 })
    const again = await call('POST', `/api/notifications/${target.id}/read`, member)
    expect(again.json()).toEqual({ unreadCount: 2 })
    expect((await page(member)).items[1]?.readAt).not.toBeNull()

    const origin = await listenOnce(app)
    const otherTab = await connectAs(origin, member)
    const told = nextEvent(otherTab, 'notification:read')
    const all = await call('POST', '/api/notifications/read-all', member)
    expect(all.json()).toEqual({ unreadCount: 0 })
    expect(await told).toEqual({ unreadCount: 0 })
    expect((await page(member)).unreadCount).toBe(0)
  })

  it('refuses a signed-out caller and a forged cursor', async () => {
    expect((await call('GET', '/api/notifications', null)).statusCode).toBe(401)
    const user = await signUp(app)
    const forged = await call('GET', '/api/notifications?cursor=nope', user)
    expect(forged.statusCode).toBe(400)
  })
})

describe('notification preferences', () => {
  it('starts from the defaults and keeps what the user changes', async () => {
    const user = await signUp(app)
    const initial = (await call('GET', '/api/user/notification-preferences', user)).json()
    expect(initial.timeZone).toBeNull()
    expect(initial.email).toMatchObject({ session_scheduled: true, results_ready: false })

    const changed = await call('PATCH', '/api/user/notification-preferences', user, {
      email: { session_scheduled: false, results_ready: true },
      timeZone: 'America/New_York',
    })
    expect(changed.statusCode).toBe(200)
    const again = await call('PATCH', '/api/user/notification-preferences', user, {
      email: { session_cancelled: false },
    })
    expect(again.json()).toMatchObject({
      timeZone: 'America/New_York',
      email: { session_scheduled: false, results_ready: true, session_cancelled: false },
    })
    const refused = await call('PATCH', '/api/user/notification-preferences', user, {
      timeZone: 'Mars/Olympus',
    })
    expect(refused.statusCode).toBe(400)
  })

  it('turns one type of mail off by the link in a mail, without signing in', async () => {
    const user = await signUp(app)
    const url = app.services.notifications.unsubscribeUrl(
      'http://localhost:3000',
      user.id,
      'session_starting_soon',
    )
    const token = new URL(url).searchParams.get('token') ?? ''
    const response = await call('POST', '/api/notifications/unsubscribe', null, { token })
    expect(response.json()).toEqual({ type: 'session_starting_soon' })
    const preferences = (await call('GET', '/api/user/notification-preferences', user)).json()
    expect(preferences.email).toMatchObject({
      session_starting_soon: false,
      session_scheduled: true,
    })

    const forged = await call('POST', '/api/notifications/unsubscribe', null, {
      token: `${Buffer.from(`${user.id}:session_scheduled`).toString('base64url')}.${token.split('.')[1]}`,
    })
    expect(forged.statusCode).toBe(400)
    expect(forged.json().error.code).toBe('UNSUBSCRIBE_LINK_INVALID')
  })
})
