import { describe, expect, it } from 'vitest'
import { createTestApp, signUp, TEST_ORIGIN, type TestUser } from '../test/test-app.ts'

const app = await createTestApp()

// The attack seen in Chromium: a page on another port of the same host is same-site, so
// the browser sends the session cookie along with its POST.
const FOREIGN_ORIGIN = 'http://localhost:4000'

async function ownGroup() {
  const owner = await signUp(app)
  const created = await app.inject({
    method: 'POST',
    url: '/api/groups',
    headers: owner.bearer,
    payload: { name: 'Reading club' },
  })
  expect(created.statusCode).toBe(201)
  const group = created.json() as { id: string; joinCode: string }
  return { owner, groupId: group.id, joinCode: group.joinCode }
}

async function joinCodeOf(groupId: string, owner: TestUser) {
  const response = await app.inject({
    method: 'GET',
    url: `/api/groups/${groupId}`,
    headers: owner.bearer,
  })
  return (response.json() as { joinCode: string }).joinCode
}

function regenerateJoinCode(groupId: string, headers: Record<string, string>) {
  return app.inject({ method: 'POST', url: `/api/groups/${groupId}/join-code`, headers })
}

describe('cookie-authenticated writes from another origin (CSRF)', () => {
  it.each([
    ['a foreign Origin', { origin: FOREIGN_ORIGIN }],
    ['Origin: null', { origin: 'null' }],
    ['no Origin and no Sec-Fetch-Site', {}],
    ['no Origin, Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
    ['no Origin, Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
  ])('are refused with %s, and change nothing', async (_, extraHeaders) => {
    const { owner, groupId, joinCode } = await ownGroup()
    const response = await regenerateJoinCode(groupId, {
      cookie: owner.cookie.cookie,
      ...extraHeaders,
    })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/untrusted origin/) },
    })
    expect(await joinCodeOf(groupId, owner)).toBe(joinCode)
  })

  it('go through from the trusted origin', async () => {
    const { owner, groupId, joinCode } = await ownGroup()
    const response = await regenerateJoinCode(groupId, {
      cookie: owner.cookie.cookie,
      origin: TEST_ORIGIN,
    })
    expect(response.statusCode).toBe(200)
    expect(await joinCodeOf(groupId, owner)).not.toBe(joinCode)
  })

  it('go through from the 127.0.0.1 spelling of a loopback origin in development', async () => {
    const { owner, groupId, joinCode } = await ownGroup()
    const response = await regenerateJoinCode(groupId, {
      cookie: owner.cookie.cookie,
      origin: 'http://127.0.0.1:3000',
    })
    expect(response.statusCode).toBe(200)
    expect(await joinCodeOf(groupId, owner)).not.toBe(joinCode)
  })

  it('go through without Origin when Sec-Fetch-Site says our own page sent them', async () => {
    const { owner, groupId } = await ownGroup()
    const response = await regenerateJoinCode(groupId, {
      cookie: owner.cookie.cookie,
      'sec-fetch-site': 'same-origin',
    })
    expect(response.statusCode).toBe(200)
  })

  it('leave reads alone: a GET with a foreign Origin is answered', async () => {
    const { owner, groupId } = await ownGroup()
    const response = await app.inject({
      method: 'GET',
      url: `/api/groups/${groupId}`,
      headers: { cookie: owner.cookie.cookie, origin: FOREIGN_ORIGIN },
    })
    expect(response.statusCode).toBe(200)
  })
})

describe('writes without a session cookie', () => {
  it('by bearer token (the extension) go through whatever the Origin', async () => {
    const { owner, groupId, joinCode } = await ownGroup()
    const response = await regenerateJoinCode(groupId, {
      ...owner.bearer,
      origin: 'chrome-extension://not-listed',
    })
    expect(response.statusCode).toBe(200)
    expect(await joinCodeOf(groupId, owner)).not.toBe(joinCode)
  })

  it('with no credentials at all are judged as anonymous, not as forged', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: { origin: FOREIGN_ORIGIN },
      payload: { name: 'Anonymous club' },
    })
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
  })
})
