import { describe, expect, it } from 'vitest'
import { manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp } from '../../test/test-app.ts'

const app = await createTestApp()
const { call, setUpGroup } = sessionFixtures(app)

describe('finding a session by its join code', () => {
  it('leads a member of the group from the code on the session to the session', async () => {
    const { member, admin, base, group } = await setUpGroup()
    const created = await call('POST', `${base}/create-instant`, admin, {
      title: 'Quiz night',
      source: manualSource,
    })
    const session = created.json()
    expect(session.joinCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/)

    // Typed the way people type it: lower case, with a space in the middle.
    const typed = `${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}`.toLowerCase()
    const found = await call('GET', `/api/sessions/by-code/${encodeURIComponent(typed)}`, member)
    expect(found.statusCode).toBe(200)
    expect(found.json()).toEqual({
      groupId: group.id,
      sessionId: session.id,
      title: 'Quiz night',
      groupName: 'Class',
      joinUrl: session.joinUrl,
    })
  })

  it('gives every session its own code', async () => {
    const { admin, base } = await setUpGroup()
    const codes = new Set<string>()
    for (let i = 0; i < 3; i++) {
      const response = await call('POST', `${base}/create-instant`, admin, { source: manualSource })
      codes.add(response.json().joinCode)
    }
    expect(codes.size).toBe(3)
  })

  it('answers 404 SESSION_NOT_FOUND to someone outside the group, as for an unknown code', async () => {
    const { admin, outsider, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, admin, { source: manualSource })
    ).json()

    const asOutsider = await call('GET', `/api/sessions/by-code/${session.joinCode}`, outsider)
    expect(asOutsider.statusCode).toBe(404)
    expect(asOutsider.json().error.code).toBe('SESSION_NOT_FOUND')

    const unknown = await call('GET', '/api/sessions/by-code/ZZZZZZ', admin)
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('SESSION_NOT_FOUND')

    const malformed = await call('GET', '/api/sessions/by-code/not-a-code', admin)
    expect(malformed.statusCode).toBe(404)
    expect(malformed.json().error.code).toBe('SESSION_NOT_FOUND')
  })

  it('asks to sign in first', async () => {
    const response = await call('GET', '/api/sessions/by-code/ABCDEF', null)
    expect(response.statusCode).toBe(401)
  })
})
