import type { GroupSettings } from '@loopquiz/contract'
import { defaultGroupSettings } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { type Actor, can, type GroupAction } from '../../domain/permissions.ts'
import { createTestApp, signUp, type TestUser } from '../../test/test-app.ts'

// Walks every group endpoint as every kind of caller. The expected status of each call
// comes from the permission table itself (can()), so the routes cannot drift from it.
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
  name: string
  action: GroupAction
  method: Method
  url: (f: Fixture) => string
  body?: unknown
  ok: number
  /** Status for a member the table refuses; 403 unless the refusal has its own code. */
  refused?: number
}

const settings: GroupSettings = { ...defaultGroupSettings, session_approval_required: true }
const cases: Case[] = [
  {
    name: 'get group',
    action: 'view_group',
    method: 'GET',
    url: (f) => `/api/groups/${f.groupId}`,
    ok: 200,
  },
  {
    name: 'edit group',
    action: 'edit_group',
    method: 'PATCH',
    url: (f) => `/api/groups/${f.groupId}`,
    body: { name: 'Renamed' },
    ok: 200,
  },
  {
    name: 'edit settings',
    action: 'edit_settings',
    method: 'PUT',
    url: (f) => `/api/groups/${f.groupId}/settings`,
    body: settings,
    ok: 200,
  },
  {
    name: 'delete group',
    action: 'delete_group',
    method: 'DELETE',
    url: (f) => `/api/groups/${f.groupId}`,
    ok: 204,
  },
  {
    name: 'list members',
    action: 'view_members',
    method: 'GET',
    url: (f) => `/api/groups/${f.groupId}/members`,
    ok: 200,
  },
  {
    name: 'promote a member',
    action: 'change_roles',
    method: 'PATCH',
    url: (f) => `/api/groups/${f.groupId}/members/${people.target.id}`,
    body: { role: 'admin' },
    ok: 200,
  },
  {
    name: 'remove a member',
    action: 'remove_members',
    method: 'DELETE',
    url: (f) => `/api/groups/${f.groupId}/members/${people.target.id}`,
    ok: 204,
  },
  {
    name: 'leave',
    action: 'leave_group',
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/leave`,
    ok: 204,
    refused: 409,
  },
  {
    name: 'transfer ownership',
    action: 'transfer_ownership',
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/transfer-ownership`,
    body: { userId: people.target.id },
    ok: 200,
  },
  {
    name: 'invite',
    action: 'invite_members',
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/invitations`,
    body: { email: 'new@example.test' },
    ok: 201,
  },
  {
    name: 'list invitations',
    action: 'invite_members',
    method: 'GET',
    url: (f) => `/api/groups/${f.groupId}/invitations`,
    ok: 200,
  },
  {
    name: 'revoke invitation',
    action: 'invite_members',
    method: 'DELETE',
    url: (f) => `/api/groups/${f.groupId}/invitations/${f.invitationId}`,
    ok: 204,
  },
  {
    name: 'regenerate join code',
    action: 'manage_join_code',
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/join-code`,
    ok: 200,
  },
  {
    name: 'list join requests',
    action: 'review_join_requests',
    method: 'GET',
    url: (f) => `/api/groups/${f.groupId}/join-requests`,
    ok: 200,
  },
  {
    name: 'approve join request',
    action: 'review_join_requests',
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/join-requests/${f.requestId}/approve`,
    ok: 200,
  },
  {
    name: 'reject join request',
    action: 'review_join_requests',
    method: 'POST',
    url: (f) => `/api/groups/${f.groupId}/join-requests/${f.requestId}/reject`,
    ok: 200,
  },
]

const callers = ['owner', 'admin', 'member', 'non_member', 'anonymous'] as const
const actorOf: Record<(typeof callers)[number], Actor> = {
  owner: { kind: 'member', role: 'owner' },
  admin: { kind: 'member', role: 'admin' },
  member: { kind: 'member', role: 'member' },
  non_member: { kind: 'non_member' },
  anonymous: { kind: 'anonymous' },
}
const userOf = {
  owner: people.owner,
  admin: people.admin,
  member: people.member,
  non_member: people.outsider,
  anonymous: null,
}
const privateGroup = { privacy: 'private' as const, settings: defaultGroupSettings }

function expectedStatus(test: Case, caller: (typeof callers)[number]): number {
  if (caller === 'anonymous') return 401
  if (caller === 'non_member') return 404
  return can(actorOf[caller], test.action, privateGroup) ? test.ok : (test.refused ?? 403)
}

describe('every group endpoint as owner, admin, member, non-member and anonymous', () => {
  it.each(cases.flatMap((test) => callers.map((caller) => ({ ...test, caller }))))(
    '$name as $caller',
    async (test) => {
      const fixture = await makeGroup()
      const before = (await call('GET', `/api/groups/${fixture.groupId}`, people.owner)).json()
      const response = await call(test.method, test.url(fixture), userOf[test.caller], test.body)
      expect(response.statusCode, response.body).toBe(expectedStatus(test, test.caller))
      if (response.statusCode >= 400) {
        expect(response.json().error.code).toEqual(expect.any(String))
        // A refused call changes nothing.
        const after = (await call('GET', `/api/groups/${fixture.groupId}`, people.owner)).json()
        expect(after).toEqual(before)
      }
    },
  )

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
