import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { groupInvitations, groupMembers } from '../../db/schema/groups.ts'
import { confirmEmail, createTestApp, signUp, type TestUser } from '../../test/test-app.ts'

const app = await createTestApp()

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  user: TestUser | null,
  payload?: object,
) {
  return app.inject({ method, url, headers: user?.bearer ?? {}, ...(payload ? { payload } : {}) })
}

async function createGroup(owner: TestUser, body: object = {}) {
  const response = await call('POST', '/api/groups', owner, { name: 'Study circle', ...body })
  expect(response.statusCode).toBe(201)
  return response.json()
}

async function ownersOf(groupId: string) {
  const members =
    (await app.db.select().from(groupMembers).where(eq(groupMembers.groupId, groupId))) ?? []
  return members.filter((m) => m.role === 'owner').map((m) => m.userId)
}

describe('creating and editing groups', () => {
  it('makes the creator the owner, with the default settings and a join code', async () => {
    const owner = await signUp(app)
    const group = await createGroup(owner, {
      description: 'Weekly',
      timezone: 'Europe/Paris',
      tags: ['french', 'french', 'b1'],
    })
    expect(group).toMatchObject({
      name: 'Study circle',
      privacy: 'private',
      timezone: 'Europe/Paris',
      tags: ['french', 'b1'],
      memberCount: 1,
      myRole: 'owner',
      joinCode: expect.stringMatching(/^[A-Z2-9]{10}$/),
      settings: {
        session_creation_permission: 'admin',
        instant_session_permission: 'all_members',
        session_approval_required: false,
        advance_notice_hours: 0,
      },
    })
    expect(group.capabilities).toMatchObject({ canDeleteGroup: true, canScheduleSession: true })
  })

  it('refuses an unknown time zone and malformed time slots, naming the fields', async () => {
    const owner = await signUp(app)
    const badZone = await call('POST', '/api/groups', owner, {
      name: 'x',
      timezone: 'Mars/Olympus',
    })
    expect(badZone.statusCode).toBe(400)
    expect(badZone.json().error.details[0].path).toBe('body.timezone')

    const group = await createGroup(owner)
    const badSlots = await call('PUT', `/api/groups/${group.id}/settings`, owner, {
      allowed_time_slots: [
        { days: [1, 7], start: '09:00', end: '17:00' },
        { start: '18:00', end: '08:00' },
        { start: '9am', end: '10:00' },
      ],
    })
    expect(badSlots.statusCode).toBe(400)
    const paths = badSlots.json().error.details.map((d: { path: string }) => d.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.allowed_time_slots.0.days.1',
        'body.allowed_time_slots.1.end',
        'body.allowed_time_slots.2.start',
      ]),
    )
  })

  it('saves settings, and the extension list reflects who may create sessions', async () => {
    const owner = await signUp(app, 'Settings owner')
    const member = await signUp(app)
    const group = await createGroup(owner, { privacy: 'public' })
    await call('POST', `/api/join/${group.joinCode}`, member, {})
    const before = (await call('GET', '/api/user/groups', member)).json().groups
    expect(before).toEqual([
      {
        id: group.id,
        name: 'Study circle',
        role: 'member',
        member_count: 2,
        can_create_instant: true,
        can_schedule: false,
      },
    ])
    const saved = await call('PUT', `/api/groups/${group.id}/settings`, owner, {
      session_creation_permission: 'all_members',
      instant_session_permission: 'admin',
      advance_notice_hours: 24,
      allowed_time_slots: [{ days: [2, 4], start: '18:00', end: '20:00' }],
    })
    expect(saved.statusCode).toBe(200)
    expect(saved.json().settings).toMatchObject({
      advance_notice_hours: 24,
      session_approval_required: false,
    })
    const after = (await call('GET', '/api/user/groups', member)).json().groups
    expect(after[0]).toMatchObject({ can_create_instant: false, can_schedule: true })
  })

  it('hides the join code from plain members', async () => {
    const owner = await signUp(app)
    const member = await signUp(app)
    const group = await createGroup(owner, { privacy: 'public' })
    await call('POST', `/api/join/${group.joinCode}`, member, {})
    const seen = (await call('GET', `/api/groups/${group.id}`, member)).json()
    expect(seen.joinCode).toBeNull()
    expect(seen.capabilities).toMatchObject({ canEditSettings: false, canLeave: true })
  })

  it('deletes a group for everyone, keeping its rows', async () => {
    const owner = await signUp(app)
    const member = await signUp(app)
    const group = await createGroup(owner, { privacy: 'public' })
    await call('POST', `/api/join/${group.joinCode}`, member, {})
    expect((await call('DELETE', `/api/groups/${group.id}`, owner)).statusCode).toBe(204)
    for (const user of [owner, member]) {
      expect((await call('GET', `/api/groups/${group.id}`, user)).statusCode).toBe(404)
      expect((await call('GET', '/api/groups', user)).json().items).toEqual([])
    }
    expect((await call('GET', `/api/join/${group.joinCode}`, member)).statusCode).toBe(404)
    expect(await ownersOf(group.id)).toEqual([owner.id])
  })
})

describe('joining', () => {
  it('lets anyone with the code join a public group at once', async () => {
    const owner = await signUp(app)
    const joiner = await signUp(app)
    const group = await createGroup(owner, { privacy: 'public', description: 'Open to all' })
    const preview = await call('GET', `/api/join/${group.joinCode.toLowerCase()}`, joiner)
    expect(preview.json()).toMatchObject({
      name: 'Study circle',
      privacy: 'public',
      memberCount: 1,
      isMember: false,
    })
    expect((await call('POST', `/api/join/${group.joinCode}`, joiner, {})).json()).toEqual({
      groupId: group.id,
      status: 'joined',
    })
    expect((await call('POST', `/api/join/${group.joinCode}`, joiner, {})).json().status).toBe(
      'already_member',
    )
    expect((await call('GET', `/api/groups/${group.id}`, joiner)).json()).toMatchObject({
      myRole: 'member',
      memberCount: 2,
    })
  })

  it('turns a join by code into a request for a private group, decided by an admin', async () => {
    const owner = await signUp(app)
    const asker = await signUp(app, 'Asker')
    const rejected = await signUp(app, 'Rejected')
    const group = await createGroup(owner)
    expect(
      (await call('POST', `/api/join/${group.joinCode}`, asker, { message: 'Hi!' })).json().status,
    ).toBe('requested')
    await call('POST', `/api/join/${group.joinCode}`, asker, { message: 'Again' })
    await call('POST', `/api/join/${group.joinCode}`, rejected, {})
    expect((await call('GET', `/api/groups/${group.id}`, asker)).statusCode).toBe(404)
    expect((await call('GET', `/api/join/${group.joinCode}`, asker)).json().hasPendingRequest).toBe(
      true,
    )

    const requests = (await call('GET', `/api/groups/${group.id}/join-requests`, owner)).json()
      .items
    expect(
      requests.map((r: { name: string; message: string | null }) => [r.name, r.message]),
    ).toEqual([
      ['Asker', 'Hi!'],
      ['Rejected', null],
    ])
    const approved = await call(
      'POST',
      `/api/groups/${group.id}/join-requests/${requests[0].id}/approve`,
      owner,
    )
    expect(approved.json()).toMatchObject({ status: 'approved', name: 'Asker' })
    await call('POST', `/api/groups/${group.id}/join-requests/${requests[1].id}/reject`, owner)
    const again = await call(
      'POST',
      `/api/groups/${group.id}/join-requests/${requests[1].id}/approve`,
      owner,
    )
    expect(again.statusCode).toBe(404)
    expect((await call('GET', `/api/groups/${group.id}`, asker)).json().myRole).toBe('member')
    expect((await call('GET', `/api/groups/${group.id}`, rejected)).statusCode).toBe(404)
  })

  it('stops an old join code working once it is regenerated', async () => {
    const owner = await signUp(app)
    const joiner = await signUp(app)
    const group = await createGroup(owner, { privacy: 'public' })
    const { joinCode } = (await call('POST', `/api/groups/${group.id}/join-code`, owner)).json()
    expect(joinCode).not.toBe(group.joinCode)
    expect((await call('POST', `/api/join/${group.joinCode}`, joiner, {})).statusCode).toBe(404)
    expect((await call('POST', `/api/join/${joinCode}`, joiner, {})).json().status).toBe('joined')
  })
})

describe('invitations', () => {
  it('invites by e-mail with a link that only that address, confirmed, can accept, once', async () => {
    const owner = await signUp(app, 'Inviter')
    const invitee = await signUp(app)
    const other = await signUp(app)
    const group = await createGroup(owner)
    const created = await call('POST', `/api/groups/${group.id}/invitations`, owner, {
      email: invitee.email.toUpperCase(),
      role: 'admin',
    })
    expect(created.statusCode).toBe(201)
    const invitation = created.json()
    expect(invitation).toMatchObject({
      email: invitee.email,
      role: 'admin',
      status: 'pending',
      invitedByName: 'Inviter',
    })
    const token = invitation.url.split('/').at(-1)
    expect(invitation.url).toBe(`http://localhost:3000/invitations/${token}`)

    const preview = await call('GET', `/api/invitations/${token}`, null)
    expect(preview.json()).toMatchObject({
      groupName: 'Study circle',
      role: 'admin',
      status: 'pending',
    })

    const wrong = await call('POST', `/api/invitations/${token}/accept`, other)
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json().error.code).toBe('INVITATION_EMAIL_MISMATCH')
    // Anyone could sign up with the invitee's address: it takes the address confirmed.
    const unconfirmed = await call('POST', `/api/invitations/${token}/accept`, invitee)
    expect(unconfirmed.statusCode).toBe(403)
    expect(unconfirmed.json().error.code).toBe('EMAIL_NOT_VERIFIED')

    await confirmEmail(app, invitee)
    const accepted = await call('POST', `/api/invitations/${token}/accept`, invitee)
    expect(accepted.json()).toEqual({ groupId: group.id, status: 'joined' })
    expect((await call('GET', `/api/groups/${group.id}`, invitee)).json().myRole).toBe('admin')
    expect((await call('POST', `/api/invitations/${token}/accept`, invitee)).json().status).toBe(
      'already_member',
    )
    const list = (await call('GET', `/api/groups/${group.id}/invitations`, owner)).json().items
    expect(list[0].status).toBe('accepted')
  })

  it('refuses revoked and expired invitations', async () => {
    const owner = await signUp(app)
    const invitee = await signUp(app)
    const group = await createGroup(owner)
    const revoked = (
      await call('POST', `/api/groups/${group.id}/invitations`, owner, { email: invitee.email })
    ).json()
    expect(
      (await call('DELETE', `/api/groups/${group.id}/invitations/${revoked.id}`, owner)).statusCode,
    ).toBe(204)
    const revokedToken = revoked.url.split('/').at(-1)
    expect((await call('GET', `/api/invitations/${revokedToken}`, invitee)).json().status).toBe(
      'revoked',
    )
    const refused = await call('POST', `/api/invitations/${revokedToken}/accept`, invitee)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('INVITATION_NOT_PENDING')

    const expired = (
      await call('POST', `/api/groups/${group.id}/invitations`, owner, { email: invitee.email })
    ).json()
    await app.db
      .update(groupInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(groupInvitations.id, expired.id))
    const expiredToken = expired.url.split('/').at(-1)
    expect(
      (await call('POST', `/api/invitations/${expiredToken}/accept`, invitee)).statusCode,
    ).toBe(409)
    expect((await call('GET', `/api/groups/${group.id}`, invitee)).statusCode).toBe(404)
  })

  it('shows whoever holds the link the invitee’s address masked, also when refusing', async () => {
    const owner = await signUp(app)
    const other = await signUp(app)
    const group = await createGroup(owner)
    const invitation = (
      await call('POST', `/api/groups/${group.id}/invitations`, owner, {
        email: 'jane.doe@example.test',
      })
    ).json()
    const token = invitation.url.split('/').at(-1)

    const preview = await call('GET', `/api/invitations/${token}`, null)
    expect(preview.statusCode).toBe(200)
    expect(preview.json().email).toBe('j•••@example.test')
    expect(preview.body).not.toContain('jane.doe')

    const wrong = await call('POST', `/api/invitations/${token}/accept`, other)
    expect(wrong.json().error.message).toBe(
      'This invitation was sent to j•••@example.test. Sign in with that address to accept it.',
    )
  })

  it('lets only the owner invite someone straight in as an admin', async () => {
    const owner = await signUp(app)
    const admin = await signUp(app)
    const group = await createGroup(owner, { privacy: 'public' })
    await call('POST', `/api/join/${group.joinCode}`, admin, {})
    await call('PATCH', `/api/groups/${group.id}/members/${admin.id}`, owner, { role: 'admin' })
    const asAdmin = await call('POST', `/api/groups/${group.id}/invitations`, admin, {
      email: 'x@example.test',
      role: 'admin',
    })
    expect(asAdmin.statusCode).toBe(403)
    const asMember = await call('POST', `/api/groups/${group.id}/invitations`, admin, {
      email: 'x@example.test',
    })
    expect(asMember.statusCode).toBe(201)
  })
})

describe('members and ownership', () => {
  async function groupWith(owner: TestUser, ...members: TestUser[]) {
    const group = await createGroup(owner, { privacy: 'public' })
    for (const member of members) await call('POST', `/api/join/${group.joinCode}`, member, {})
    return group
  }

  it('lists members owner first, then admins, then members', async () => {
    const owner = await signUp(app, 'Olga')
    const admin = await signUp(app, 'Ada')
    const member = await signUp(app, 'Mo')
    const group = await groupWith(owner, member, admin)
    await call('PATCH', `/api/groups/${group.id}/members/${admin.id}`, owner, { role: 'admin' })
    const members = (await call('GET', `/api/groups/${group.id}/members`, member)).json().items
    expect(members.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual([
      'Olga:owner',
      'Ada:admin',
      'Mo:member',
    ])
  })

  it('shows e-mail addresses to the owner and admins, names only to members', async () => {
    const owner = await signUp(app, 'Olga')
    const admin = await signUp(app, 'Ada')
    const member = await signUp(app, 'Mo')
    const group = await groupWith(owner, member, admin)
    await call('PATCH', `/api/groups/${group.id}/members/${admin.id}`, owner, { role: 'admin' })
    const everyone = [owner, admin, member]
    const addresses = everyone.map((person) => ({ userId: person.id, email: person.email }))
    for (const viewer of [owner, admin]) {
      const response = await call('GET', `/api/groups/${group.id}/members`, viewer)
      expect(response.json().items).toEqual(
        expect.arrayContaining(addresses.map((address) => expect.objectContaining(address))),
      )
    }
    const asMember = await call('GET', `/api/groups/${group.id}/members`, member)
    expect(asMember.json().items).toEqual(
      everyone.map((person) =>
        expect.objectContaining({ userId: person.id, name: person.name, email: null }),
      ),
    )
    for (const person of everyone) expect(asMember.body).not.toContain(person.email)
  })

  it('keeps admins from removing or demoting each other, and the owner from being removed', async () => {
    const owner = await signUp(app)
    const first = await signUp(app)
    const second = await signUp(app)
    const group = await groupWith(owner, first, second)
    for (const admin of [first, second]) {
      await call('PATCH', `/api/groups/${group.id}/members/${admin.id}`, owner, { role: 'admin' })
    }
    expect(
      (await call('DELETE', `/api/groups/${group.id}/members/${second.id}`, first)).statusCode,
    ).toBe(403)
    expect(
      (
        await call('PATCH', `/api/groups/${group.id}/members/${second.id}`, first, {
          role: 'member',
        })
      ).statusCode,
    ).toBe(403)
    const removeOwner = await call('DELETE', `/api/groups/${group.id}/members/${owner.id}`, first)
    expect(removeOwner.statusCode).toBe(409)
    expect(
      (await call('DELETE', `/api/groups/${group.id}/members/${first.id}`, owner)).statusCode,
    ).toBe(204)
  })

  it('makes the owner transfer ownership before leaving', async () => {
    const owner = await signUp(app)
    const heir = await signUp(app)
    const group = await groupWith(owner, heir)
    const leave = await call('POST', `/api/groups/${group.id}/leave`, owner)
    expect(leave.statusCode).toBe(409)
    expect(leave.json().error.code).toBe('OWNER_MUST_TRANSFER')
    const transfer = await call('POST', `/api/groups/${group.id}/transfer-ownership`, owner, {
      userId: heir.id,
    })
    expect(transfer.statusCode).toBe(200)
    expect(await ownersOf(group.id)).toEqual([heir.id])
    expect((await call('GET', `/api/groups/${group.id}`, owner)).json().myRole).toBe('admin')
    expect((await call('POST', `/api/groups/${group.id}/leave`, owner)).statusCode).toBe(204)
    expect((await call('GET', `/api/groups/${group.id}`, owner)).statusCode).toBe(404)
  })

  it('refuses to transfer ownership to someone outside the group', async () => {
    const owner = await signUp(app)
    const outsider = await signUp(app)
    const group = await groupWith(owner)
    const response = await call('POST', `/api/groups/${group.id}/transfer-ownership`, owner, {
      userId: outsider.id,
    })
    expect(response.statusCode).toBe(404)
    expect(await ownersOf(group.id)).toEqual([owner.id])
  })
})

describe('races', () => {
  it('leaves exactly one owner when two ownership transfers run at once', async () => {
    for (let round = 0; round < 3; round++) {
      const owner = await signUp(app)
      const a = await signUp(app)
      const b = await signUp(app)
      const group = await groupWith(owner, a, b)
      const results = await Promise.all(
        [a, b].map((heir) =>
          call('POST', `/api/groups/${group.id}/transfer-ownership`, owner, { userId: heir.id }),
        ),
      )
      const statuses = results.map((r) => r.statusCode).sort()
      expect(statuses).toEqual([200, 403])
      const owners = await ownersOf(group.id)
      expect(owners).toHaveLength(1)
      expect([a.id, b.id]).toContain(owners[0])
    }
  })

  it('leaves exactly one owner when two admins try to remove each other and the owner transfers at once', async () => {
    const owner = await signUp(app)
    const a = await signUp(app)
    const b = await signUp(app)
    const group = await groupWith(owner, a, b)
    for (const admin of [a, b])
      await call('PATCH', `/api/groups/${group.id}/members/${admin.id}`, owner, { role: 'admin' })
    const results = await Promise.all([
      call('DELETE', `/api/groups/${group.id}/members/${b.id}`, a),
      call('DELETE', `/api/groups/${group.id}/members/${a.id}`, b),
      call('POST', `/api/groups/${group.id}/transfer-ownership`, owner, { userId: a.id }),
    ])
    const [aRemovesB, bRemovesA, transfer] = results.map((r) => r.statusCode)
    expect(transfer).toBe(200)
    // Whichever order they ran in, nobody removed someone of equal or higher role: b is
    // refused as an admin (403), or because a is the owner by then (409).
    expect([403, 409]).toContain(bRemovesA)
    expect([204, 403]).toContain(aRemovesB)
    const owners = await ownersOf(group.id)
    expect(owners).toEqual([a.id])
    const members = (await call('GET', `/api/groups/${group.id}/members`, a)).json().items
    expect(members.map((m: { userId: string }) => m.userId)).toContain(a.id)
  })

  async function groupWith(owner: TestUser, ...members: TestUser[]) {
    const group = await createGroup(owner, { privacy: 'public' })
    for (const member of members) await call('POST', `/api/join/${group.joinCode}`, member, {})
    return group
  }
})
