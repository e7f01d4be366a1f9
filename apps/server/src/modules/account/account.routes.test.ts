import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users } from '../../db/schema/auth.ts'
import { groups } from '../../db/schema/groups.ts'
import { loops } from '../../db/schema/loops.ts'
import { questionSets } from '../../db/schema/quizzes.ts'
import { groupQuizSessions } from '../../db/schema/sessions.ts'
import { manualSource } from '../../test/session-fixtures.ts'
import {
  createTestApp,
  sampleLoop,
  share,
  signUp,
  TEST_ORIGIN,
  type TestUser,
} from '../../test/test-app.ts'

const app = await createTestApp()
const PASSWORD = 'correct-horse-battery'

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

async function call(method: Method, url: string, headers: object, payload?: object) {
  return app.inject({ method, url, headers: { ...headers }, ...(payload ? { payload } : {}) })
}

async function signIn(email: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_ORIGIN },
    payload: { email, password },
  })
}

const me = (headers: object) => call('GET', '/api/me', headers)

async function createGroup(owner: TestUser, name: string) {
  const response = await call('POST', '/api/groups', owner.bearer, {
    name,
    privacy: 'public',
    timezone: 'Europe/Paris',
  })
  expect(response.statusCode).toBe(201)
  return response.json() as { id: string; joinCode: string }
}

async function join(user: TestUser, group: { joinCode: string }) {
  expect((await call('POST', `/api/join/${group.joinCode}`, user.bearer, {})).statusCode).toBe(200)
}

const deleteAccount = (user: TestUser, payload: object) =>
  call('POST', '/api/auth/delete-user', user.cookie, payload)

describe('profile through Better Auth', () => {
  it('changes the name the app reports', async () => {
    const user = await signUp(app, 'Old Name')
    const response = await call('POST', '/api/auth/update-user', user.cookie, { name: 'New Name' })
    expect(response.statusCode).toBe(200)
    expect((await me(user.bearer)).json()).toMatchObject({ name: 'New Name', email: user.email })
  })

  it('changes the password: the old one no longer signs in, the new one does', async () => {
    const user = await signUp(app)
    const wrong = await call('POST', '/api/auth/change-password', user.cookie, {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-secret',
    })
    expect(wrong.statusCode).toBe(400)
    const changed = await call('POST', '/api/auth/change-password', user.cookie, {
      currentPassword: PASSWORD,
      newPassword: 'a-brand-new-secret',
      revokeOtherSessions: true,
    })
    expect(changed.statusCode).toBe(200)
    expect((await signIn(user.email, PASSWORD)).statusCode).toBe(401)
    expect((await signIn(user.email, 'a-brand-new-secret')).statusCode).toBe(200)
    // The bearer token is another session of the same user: "sign out of other devices" ended it.
    expect((await me(user.bearer)).statusCode).toBe(401)
  })

  it('refuses a new password shorter than the minimum', async () => {
    const user = await signUp(app)
    const response = await call('POST', '/api/auth/change-password', user.cookie, {
      currentPassword: PASSWORD,
      newPassword: 'short',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ code: 'PASSWORD_TOO_SHORT' })
  })

  it('signs out everywhere: the bearer token and the cookie both stop working', async () => {
    const user = await signUp(app)
    expect((await me(user.bearer)).statusCode).toBe(200)
    expect((await me(user.cookie)).statusCode).toBe(200)
    const response = await call('POST', '/api/auth/revoke-sessions', user.cookie, {})
    expect(response.statusCode).toBe(200)
    expect((await me(user.bearer)).statusCode).toBe(401)
    expect((await me(user.cookie)).statusCode).toBe(401)
  })
})

describe('account deletion', () => {
  /** A user with a loop, two shares (three attempts by others), a group alone, and a membership. */
  async function setUpAuthor() {
    const author = await signUp(app, 'Author')
    const friend = await signUp(app, 'Friend')
    const host = await signUp(app, 'Host')
    expect((await call('POST', '/api/loops', author.bearer, sampleLoop)).statusCode).toBe(200)
    const first = await share(app, author)
    await share(app, author, { title: 'Second quiz' })
    for (const taker of [friend, host, friend]) {
      const started = await call('POST', `/api/questions/${first.token}/attempts`, taker.bearer, {})
      expect(started.statusCode).toBe(201)
    }
    const alone = await createGroup(author, 'Study circle')
    const hosted = await createGroup(host, 'Book club')
    await join(author, hosted)
    return { author, friend, host, first, alone, hosted }
  }

  it('previews what goes and what stays', async () => {
    const { author, host, hosted } = await setUpAuthor()
    const session = await call(
      'POST',
      `/api/groups/${hosted.id}/sessions/create-instant`,
      author.bearer,
      {
        title: 'My quick check',
        source: manualSource,
      },
    )
    expect(session.statusCode).toBe(201)
    const joined = await call(
      'POST',
      `/api/groups/${hosted.id}/sessions/${session.json().id}/join`,
      author.bearer,
      {},
    )
    expect(joined.statusCode).toBeLessThan(300)
    const response = await call('GET', '/api/user/account-deletion', author.bearer)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      loops: 1,
      sharedQuizzes: 2,
      attemptsOnSharedQuizzes: 3,
      groupSessionResults: 1,
      hostedSessionsKept: 1,
      groupsDeleted: [{ id: expect.any(String), name: 'Study circle' }],
      groupsLeft: [{ id: hosted.id, name: 'Book club' }],
      groupsToTransfer: [],
      isBlocked: false,
    })
    // The host's view of their own account: their group has a member, so it blocks.
    const hostPreview = (await call('GET', '/api/user/account-deletion', host.bearer)).json()
    expect(hostPreview).toMatchObject({
      groupsToTransfer: [{ id: hosted.id, name: 'Book club' }],
      isBlocked: true,
    })
  })

  it('needs the password, and the right one', async () => {
    const user = await signUp(app)
    const without = await deleteAccount(user, {})
    expect(without.statusCode).toBe(400)
    expect(without.json()).toMatchObject({ code: 'PASSWORD_REQUIRED' })
    const wrong = await deleteAccount(user, { password: 'not-my-password' })
    expect(wrong.statusCode).toBe(400)
    expect((await me(user.bearer)).statusCode).toBe(200)
  })

  it('refuses while the user owns a group others are in, naming it; goes through after a transfer', async () => {
    const owner = await signUp(app, 'Owner')
    const member = await signUp(app, 'Member')
    const group = await createGroup(owner, 'Chess club')
    await join(member, group)
    const refused = await deleteAccount(owner, { password: PASSWORD })
    expect(refused.statusCode).toBe(409)
    expect(refused.json()).toMatchObject({
      code: 'OWNER_MUST_TRANSFER',
      message: 'Transfer ownership of Chess club first, or delete the group.',
    })
    expect((await me(owner.bearer)).statusCode).toBe(200)
    expect((await call('GET', `/api/groups/${group.id}`, owner.bearer)).statusCode).toBe(200)

    const transfer = await call(
      'POST',
      `/api/groups/${group.id}/transfer-ownership`,
      owner.bearer,
      {
        userId: member.id,
      },
    )
    expect(transfer.statusCode).toBeLessThan(300)
    const deleted = await deleteAccount(owner, { password: PASSWORD })
    expect(deleted.statusCode).toBe(200)
    expect((await me(owner.bearer)).statusCode).toBe(401)
    const members = await call('GET', `/api/groups/${group.id}/members`, member.bearer)
    expect(members.json().items.map((m: { name: string }) => m.name)).toEqual(['Member'])
  })

  it('removes loops, shares and the group the user was alone in, keeps hosted sessions with the group, and frees the e-mail', async () => {
    const { author, host, first, alone, hosted } = await setUpAuthor()
    await call('POST', `/api/groups/${alone.id}/sessions/create-instant`, author.bearer, {
      source: manualSource,
    })
    const kept = await call(
      'POST',
      `/api/groups/${hosted.id}/sessions/create-instant`,
      author.bearer,
      {
        title: 'Stays with the club',
        source: manualSource,
      },
    )
    expect(kept.statusCode).toBe(201)

    const response = await deleteAccount(author, { password: PASSWORD })
    expect(response.statusCode).toBe(200)

    expect(await app.db.select().from(users).where(eq(users.id, author.id))).toEqual([])
    expect(await app.db.select().from(loops).where(eq(loops.ownerId, author.id))).toEqual([])
    expect(
      await app.db.select().from(questionSets).where(eq(questionSets.ownerId, author.id)),
    ).toEqual([])
    expect((await call('GET', `/api/questions/${first.token}`, host.bearer)).statusCode).toBe(404)
    const [aloneRow] = await app.db.select().from(groups).where(eq(groups.id, alone.id))
    expect(aloneRow?.deletedAt).toBeInstanceOf(Date)
    const [keptRow] = await app.db
      .select()
      .from(groupQuizSessions)
      .where(eq(groupQuizSessions.id, kept.json().id))
    expect(keptRow).toMatchObject({ createdBy: host.id, title: 'Stays with the club' })
    const session = await call(
      'GET',
      `/api/groups/${hosted.id}/sessions/${kept.json().id}`,
      host.bearer,
    )
    expect(session.statusCode).toBe(200)

    expect((await signIn(author.email, PASSWORD)).statusCode).toBe(401)
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: TEST_ORIGIN },
      payload: { name: 'Author again', email: author.email, password: PASSWORD },
    })
    expect(again.statusCode).toBe(200)
  })
})
