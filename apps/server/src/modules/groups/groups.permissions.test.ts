import type { GroupSettings } from '@loopquiz/contract'
import { defaultGroupSettings } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { createTestApp, signUp, type TestUser } from '../../test/test-app.ts'

// Walks every group endpoint as every kind of caller and checks the status each gets against
// a table written out by hand below.
const app = await createTestApp()
const people = {
  owner: await signUp(app, 'Owner'),
  admin: await signUp(app, 'Admin'),
  member: await signUp(app, 'Member'),
  target: await signUp(app, 'Target'),
  outsider: await signUp(app, 'Outsider'),
  requester: await signUp(app, 'Requester'),
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
interface Fixture {
  groupId: string
  invitationId: string
  requestId: string
}

async function call(method: Method, url: string, user: TestUser | null, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: user?.bearer ?? {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  })
}

/** A group with an owner, an admin, two members, a pending invitation and a pending join request. */
async function makeGroup(): Promise<Fixture> {
  const created = await call('POST', '/api/groups', people.owner, {
    name: 'Fixture',
    privacy: 'public',
  })
  const group = created.json()
  for (const user of [people.admin, people.member, people.target]) {
    await call('POST', `/api/join/${group.joinCode}`, user, {})
  }
  await call('PATCH', `/api/groups/${group.id}/members/${people.admin.id}`, people.owner, {
    role: 'admin',
  })
  const invitation = await call('POST', `/api/groups/${group.id}/invitations`, people.owner, {
    email: 'invitee@example.test',
  })
  await call('PATCH', `/api/groups/${group.id}`, people.owner, { privacy: 'private' })
  await call('POST', `/api/join/${group.joinCode}`, people.requester, { message: 'Let me in' })
  const requests = await call('GET', `/api/groups/${group.id}/join-requests`, people.owner)
  return {
    groupId: group.id,
    invitationId: invitation.json().id,
    requestId: requests.json().items[0].id,
  }
}

interface Case {
  method: Method
  url: (f: Fixture) => string
  body?: unknown
}

const callers = ['owner', 'admin', 'member', 'non_member', 'anonymous'] as const
type Caller = (typeof callers)[number]

/**
 * What each caller gets, written out rather than derived from the permission table, so that
 * a wrong entry in the table fails here. Non-members get 404 (the group is private to them),
 * anonymous callers 401, and the owner cannot leave (409: hand the group over first).
 */
// biome-ignore format: the table is aligned by caller
const expected = {
  'get group':            { owner: 200, admin: 200, member: 200, non_member: 404, anonymous: 401 },
  'edit group':           { owner: 200, admin: 200, member: 403, non_member: 404, anonymous: 401 },
  'edit settings':        { owner: 200, admin: 200, member: 403, non_member: 404, anonymous: 401 },
  'delete group':         { owner: 204, admin: 403, member: 403, non_member: 404, anonymous: 401 },
  'list members':         { owner: 200, admin: 200, member: 200, non_member: 404, anonymous: 401 },
  'promote a member':     { owner: 200, admin: 403, member: 403, non_member: 404, anonymous: 401 },
  'remove a member':      { owner: 204, admin: 204, member: 403, non_member: 404, anonymous: 401 },
  leave:                  { owner: 409, admin: 204, member: 204, non_member: 404, anonymous: 401 },
  'transfer ownership':   { owner: 200, admin: 403, member: 403, non_member: 404, anonymous: 401 },
  invite:                 { owner: 201, admin: 201, member: 403, non_member: 404, anonymous: 401 },
  'list invitations':     { owner: 200, admin: 200, member: 403, non_member: 404, anonymous: 401 },
  'revoke invitation':    { owner: 204, admin: 204, member: 403, non_member: 404, anonymous: 401 },
  'regenerate join code': { owner: 200, admin: 200, member: 403, non_member: 404, anonymous: 401 },
  'list join requests':   { owner: 200, admin: 200, member: 403, non_member: 404, anonymous: 401 },
  'approve join request': { owner: 200, admin: 200, member: 403, non_member: 404, anonymous: 401 },
  'reject join request':  { owner: 200, admin: 200, member: 403, non_member: 404, anonymous: 401 },
} satisfies Record<string, Record<Caller, number>>
type EndpointName = keyof typeof expected

const settings: GroupSettings = { ...defaultGroupSettings, session_approval_required: true }
const endpoints: Record<EndpointName, Case> = {
  'get group': { method: 'GET', url: (f) => `/api/groups/${f.groupId}` },
  'edit group': {
    method: 'PATCH',
    url: (f) => `/api/groups/${f.groupId}`,
    body: { name: 'Renamed' },
  },
  'edit settings': {
    method: 'PUT',
    url: (f) => `/api/groups/${f.groupId}/settings`,
    body: settings,
  },
  'delete group': { method: 'DELETE', url: (f) => `/api/groups/${f.groupId}` },
  'list members': { method: 'GET', url: (f) => `/api/groups/${f.groupId}/members` },
  'promote a member': {
    method: 'PATCH',
    url: (f) => `/api/groups/${f.groupId}/members/${people.target.id}`,
    body: { role: 'admin' },
  },
  'remove a member': {
    method: 'DELETE',
    url: (f) => `/api/groups/${f.groupId}/members/${people.target.id}`,
  },
  leave: { method: 'POST', url: (f) => `/api/groups/${f.groupId}/leave` },
  'transfer ownership': {
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/transfer-ownership`,
    body: { userId: people.target.id },
  },
  invite: {
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/invitations`,
    body: { email: 'new@example.test' },
  },
  'list invitations': { method: 'GET', url: (f) => `/api/groups/${f.groupId}/invitations` },
  'revoke invitation': {
    method: 'DELETE',
    url: (f) => `/api/groups/${f.groupId}/invitations/${f.invitationId}`,
  },
  'regenerate join code': { method: 'POST', url: (f) => `/api/groups/${f.groupId}/join-code` },
  'list join requests': { method: 'GET', url: (f) => `/api/groups/${f.groupId}/join-requests` },
  'approve join request': {
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/join-requests/${f.requestId}/approve`,
  },
  'reject join request': {
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/join-requests/${f.requestId}/reject`,
  },
}

const userOf: Record<Caller, TestUser | null> = {
  owner: people.owner,
  admin: people.admin,
  member: people.member,
  non_member: people.outsider,
  anonymous: null,
}

const table = (Object.keys(expected) as EndpointName[]).flatMap((name) =>
  callers.map((caller) => ({ name, caller, ...endpoints[name], status: expected[name][caller] })),
)

describe('every group endpoint as owner, admin, member, non-member and anonymous', () => {
  it.each(table)('$name as $caller: $status', async (test) => {
    const fixture = await makeGroup()
    const before = (await call('GET', `/api/groups/${fixture.groupId}`, people.owner)).json()
    const response = await call(test.method, test.url(fixture), userOf[test.caller], test.body)
    expect(response.statusCode, response.body).toBe(test.status)
    if (response.statusCode >= 400) {
      expect(response.json().error.code).toEqual(expect.any(String))
      // A refused call changes nothing.
      const after = (await call('GET', `/api/groups/${fixture.groupId}`, people.owner)).json()
      expect(after).toEqual(before)
    }
  })

  it('never lists a group to someone outside it', async () => {
    const fixture = await makeGroup()
    for (const url of ['/api/groups', '/api/user/groups']) {
      const response = await call('GET', url, people.outsider)
      expect(response.statusCode).toBe(200)
      expect(response.body).not.toContain(fixture.groupId)
      expect((await call('GET', url, null)).statusCode).toBe(401)
    }
  })
})
