import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { groupQuizSessions } from '../../db/schema/sessions.ts'
import { inHours, manualSource } from '../../test/session-fixtures.ts'
import { createTestApp, signUp, type TestUser } from '../../test/test-app.ts'

const app = await createTestApp()

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  user: TestUser | null,
  payload?: object,
) {
  return app.inject({ method, url, headers: user?.bearer ?? {}, ...(payload ? { payload } : {}) })
}

async function requestToJoin(user: TestUser, joinCode: string) {
  const response = await call('POST', `/api/join/${joinCode}`, user, {
    message: 'Please let me in',
  })
  expect(response.json()).toMatchObject({ status: 'requested' })
}

async function pendingRequestIds(owner: TestUser, groupId: string): Promise<Map<string, string>> {
  const { items } = (await call('GET', `/api/groups/${groupId}/join-requests`, owner)).json()
  return new Map(items.map((r: { userId: string; id: string }) => [r.userId, r.id]))
}

/**
 * A private group whose members may schedule, with approval: an owner, an admin and a member
 * (let in by request), and someone who is not in it.
 */
async function setUpGroup(name = 'Study circle') {
  const owner = await signUp(app, 'Owner')
  const admin = await signUp(app, 'Admin')
  const member = await signUp(app, 'Member')
  const outsider = await signUp(app, 'Outsider')
  const group = (await call('POST', '/api/groups', owner, { name, privacy: 'private' })).json()
  for (const user of [admin, member]) await requestToJoin(user, group.joinCode)
  const ids = await pendingRequestIds(owner, group.id)
  for (const user of [admin, member]) {
    await call('POST', `/api/groups/${group.id}/join-requests/${ids.get(user.id)}/approve`, owner)
  }
  await call('PATCH', `/api/groups/${group.id}/members/${admin.id}`, owner, { role: 'admin' })
  await call('PUT', `/api/groups/${group.id}/settings`, owner, {
    session_creation_permission: 'all_members',
    session_approval_required: true,
  })
  return { owner, admin, member, outsider, group, sessions: `/api/groups/${group.id}/sessions` }
}

async function scheduleByMember(member: TestUser, sessions: string, body: object = {}) {
  const response = await call('POST', `${sessions}/schedule`, member, {
    scheduledAt: inHours(48),
    source: manualSource,
    ...body,
  })
  expect(response.statusCode).toBe(201)
  const session = response.json()
  expect(session.status).toBe('pending_approval')
  return session
}

const attentionOf = async (user: TestUser, groupId: string) =>
  (await call('GET', `/api/groups/${groupId}`, user)).json().attention

const userAttention = async (user: TestUser) => {
  const response = await call('GET', '/api/user/attention', user)
  expect(response.statusCode).toBe(200)
  return response.json().items
}

describe('counts of what waits in a group', () => {
  it('shows owners and admins the pending join requests and sessions to approve; never plain members', async () => {
    const { owner, admin, member, outsider, group, sessions } = await setUpGroup()
    expect(await attentionOf(owner, group.id)).toEqual({ joinRequests: 0, sessionsToApprove: 0 })

    await requestToJoin(await signUp(app, 'Asker one'), group.joinCode)
    await requestToJoin(await signUp(app, 'Asker two'), group.joinCode)
    await scheduleByMember(member, sessions)
    // A series is approved as a whole: it is one decision, however many occurrences it has.
    await scheduleByMember(member, sessions, { recurrenceRule: 'FREQ=WEEKLY;COUNT=4' })

    const expected = { joinRequests: 2, sessionsToApprove: 2 }
    expect(await attentionOf(owner, group.id)).toEqual(expected)
    expect(await attentionOf(admin, group.id)).toEqual(expected)
    expect(await attentionOf(member, group.id)).toEqual({
      joinRequests: null,
      sessionsToApprove: null,
    })
    const refused = await call('GET', `/api/groups/${group.id}`, outsider)
    expect(refused.statusCode).toBe(404)
    expect(refused.json().error.code).toBe('GROUP_NOT_FOUND')

    // Every response that carries the group carries the counts, so a cached copy keeps them.
    const renamed = await call('PATCH', `/api/groups/${group.id}`, admin, { name: 'Renamed' })
    expect(renamed.json().attention).toEqual(expected)

    expect(await userAttention(owner)).toEqual([
      { groupId: group.id, groupName: 'Renamed', joinRequests: 2, sessionsToApprove: 2 },
    ])
    expect(await userAttention(admin)).toHaveLength(1)
    expect(await userAttention(member)).toEqual([])
    expect(await userAttention(outsider)).toEqual([])
  })

  it('lists only the groups with something pending, each with its own counts', async () => {
    const owner = await signUp(app, 'Busy owner')
    const quiet = (await call('POST', '/api/groups', owner, { name: 'A quiet group' })).json()
    const busy = (await call('POST', '/api/groups', owner, { name: 'B busy group' })).json()
    const alsoBusy = (await call('POST', '/api/groups', owner, { name: 'C busy too' })).json()
    await requestToJoin(await signUp(app), busy.joinCode)
    await requestToJoin(await signUp(app), alsoBusy.joinCode)
    await requestToJoin(await signUp(app), alsoBusy.joinCode)

    const items = await userAttention(owner)
    expect(items).toEqual([
      { groupId: busy.id, groupName: 'B busy group', joinRequests: 1, sessionsToApprove: 0 },
      { groupId: alsoBusy.id, groupName: 'C busy too', joinRequests: 2, sessionsToApprove: 0 },
    ])
    expect(items.map((item: { groupId: string }) => item.groupId)).not.toContain(quiet.id)
    expect((await call('GET', '/api/user/attention', null)).statusCode).toBe(401)
  })

  it('drops as join requests and sessions are decided', async () => {
    const { owner, admin, member, group, sessions } = await setUpGroup()
    const first = await signUp(app, 'First asker')
    const second = await signUp(app, 'Second asker')
    await requestToJoin(first, group.joinCode)
    await requestToJoin(second, group.joinCode)
    const toApprove = await scheduleByMember(member, sessions)
    const toReject = await scheduleByMember(member, sessions, { scheduledAt: inHours(72) })
    expect(await attentionOf(owner, group.id)).toEqual({ joinRequests: 2, sessionsToApprove: 2 })

    const ids = await pendingRequestIds(owner, group.id)
    const base = `/api/groups/${group.id}/join-requests`
    expect((await call('POST', `${base}/${ids.get(first.id)}/approve`, admin)).statusCode).toBe(200)
    expect(await attentionOf(owner, group.id)).toEqual({ joinRequests: 1, sessionsToApprove: 2 })
    expect((await call('POST', `${base}/${ids.get(second.id)}/reject`, owner)).statusCode).toBe(200)
    expect(await attentionOf(owner, group.id)).toEqual({ joinRequests: 0, sessionsToApprove: 2 })

    expect((await call('POST', `${sessions}/${toApprove.id}/approve`, admin)).statusCode).toBe(200)
    expect(await attentionOf(admin, group.id)).toEqual({ joinRequests: 0, sessionsToApprove: 1 })
    expect(await userAttention(owner)).toEqual([
      { groupId: group.id, groupName: group.name, joinRequests: 0, sessionsToApprove: 1 },
    ])
    expect((await call('POST', `${sessions}/${toReject.id}/reject`, owner)).statusCode).toBe(200)
    expect(await attentionOf(owner, group.id)).toEqual({ joinRequests: 0, sessionsToApprove: 0 })
    expect(await userAttention(owner)).toEqual([])
  })

  it('does not count a session whose start passed before anyone approved it', async () => {
    const { owner, member, group, sessions } = await setUpGroup()
    const session = await scheduleByMember(member, sessions)
    expect(await attentionOf(owner, group.id)).toEqual({ joinRequests: 0, sessionsToApprove: 1 })
    // Its start passes (the scheduler would cancel it; approving it is refused by then).
    await app.db
      .update(groupQuizSessions)
      .set({ scheduledAt: new Date(Date.now() - 60_000) })
      .where(eq(groupQuizSessions.id, session.id))
    expect(await attentionOf(owner, group.id)).toEqual({ joinRequests: 0, sessionsToApprove: 0 })
  })
})

describe('my own requests to join', () => {
  it('lists my pending requests with the group name, newest first, and only mine', async () => {
    const { group } = await setUpGroup('Chess club')
    const other = (
      await call('POST', '/api/groups', await signUp(app), {
        name: 'Book club',
        privacy: 'private',
      })
    ).json()
    const me = await signUp(app, 'Hopeful')
    const someoneElse = await signUp(app, 'Someone else')
    await requestToJoin(me, group.joinCode)
    await requestToJoin(me, other.joinCode)
    await requestToJoin(someoneElse, group.joinCode)

    const response = await call('GET', '/api/user/join-requests', me)
    expect(response.statusCode).toBe(200)
    const { items } = response.json()
    expect(items).toEqual([
      {
        id: expect.any(String),
        groupId: other.id,
        groupName: 'Book club',
        message: 'Please let me in',
        createdAt: expect.any(String),
      },
      expect.objectContaining({ groupId: group.id, groupName: 'Chess club' }),
    ])
    expect((await call('GET', '/api/user/join-requests', null)).statusCode).toBe(401)
  })

  it('withdraws my pending request: gone from my list and from the owner’s count, and I may ask again', async () => {
    const { owner, group } = await setUpGroup()
    const me = await signUp(app, 'Changed my mind')
    await requestToJoin(me, group.joinCode)
    const [mine] = (await call('GET', '/api/user/join-requests', me)).json().items
    expect(await attentionOf(owner, group.id)).toMatchObject({ joinRequests: 1 })

    const withdrawn = await call('DELETE', `/api/user/join-requests/${mine.id}`, me)
    expect(withdrawn.statusCode).toBe(204)
    expect((await call('GET', '/api/user/join-requests', me)).json().items).toEqual([])
    expect(await attentionOf(owner, group.id)).toMatchObject({ joinRequests: 0 })
    expect(
      (await call('GET', `/api/groups/${group.id}/join-requests`, owner)).json().items,
    ).toEqual([])
    const preview = (await call('GET', `/api/join/${group.joinCode}`, me)).json()
    expect(preview.hasPendingRequest).toBe(false)

    const again = await call('DELETE', `/api/user/join-requests/${mine.id}`, me)
    expect(again.statusCode).toBe(404)
    await requestToJoin(me, group.joinCode)
    expect((await call('GET', '/api/user/join-requests', me)).json().items).toHaveLength(1)
  })

  it('refuses to withdraw someone else’s request (404) and a decided one (409)', async () => {
    const { owner, group } = await setUpGroup()
    const asker = await signUp(app, 'Asker')
    const approved = await signUp(app, 'Approved')
    const rejected = await signUp(app, 'Rejected')
    for (const user of [asker, approved, rejected]) await requestToJoin(user, group.joinCode)
    const ids = await pendingRequestIds(owner, group.id)
    const base = `/api/groups/${group.id}/join-requests`
    await call('POST', `${base}/${ids.get(approved.id)}/approve`, owner)
    await call('POST', `${base}/${ids.get(rejected.id)}/reject`, owner)

    const notMine = await call('DELETE', `/api/user/join-requests/${ids.get(asker.id)}`, owner)
    expect(notMine.statusCode).toBe(404)
    expect(notMine.json().error.code).toBe('JOIN_REQUEST_NOT_FOUND')
    expect(await attentionOf(owner, group.id)).toMatchObject({ joinRequests: 1 })

    for (const [user, status] of [
      [approved, 'approved'],
      [rejected, 'rejected'],
    ] as const) {
      const decided = await call('DELETE', `/api/user/join-requests/${ids.get(user.id)}`, user)
      expect(decided.statusCode).toBe(409)
      expect(decided.json().error).toMatchObject({
        code: 'JOIN_REQUEST_NOT_PENDING',
        message: `This request was already ${status}, so it can no longer be withdrawn.`,
      })
    }
    // The approved one is still a member: withdrawing after the fact changes nothing.
    expect((await call('GET', `/api/groups/${group.id}`, approved)).statusCode).toBe(200)

    const unknown = await call(
      'DELETE',
      '/api/user/join-requests/00000000-0000-4000-8000-000000000000',
      asker,
    )
    expect(unknown.statusCode).toBe(404)
    expect(
      (await call('DELETE', `/api/user/join-requests/${ids.get(asker.id)}`, null)).statusCode,
    ).toBe(401)
  })
})
