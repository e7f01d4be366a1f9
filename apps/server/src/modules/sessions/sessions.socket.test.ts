import { unwrapAck } from '@loopquiz/contract/realtime-client'
import { io } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import { connectAs, listenOnce, nextEvent } from '../../test/realtime-clients.ts'
import { manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp, TEST_ORIGIN } from '../../test/test-app.ts'
import { participantsFor } from './sessions.socket.ts'

const app = await createTestApp({}, { timing: { offlineGraceMs: 100, realtimeTickMs: 20 } })
const { call, setUpGroup } = sessionFixtures(app)
const origin = await listenOnce(app)

async function activeSession() {
  const fixture = await setUpGroup()
  const session = (
    await call('POST', `${fixture.base}/create-instant`, fixture.owner, { source: manualSource })
  ).json()
  return { ...fixture, session }
}

describe('connecting', () => {
  it('refuses a connection with no credentials', async () => {
    const socket = io(origin, { transports: ['websocket'], reconnection: false })
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve))
    expect(error.message).toMatch(/FORBIDDEN|UNAUTHENTICATED/)
    socket.disconnect()
  })

  it('refuses a session cookie sent from a foreign page', async () => {
    const { owner } = await activeSession()
    const socket = io(origin, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: owner.cookie.cookie, origin: 'https://evil.example' },
    })
    const error = await new Promise<Error>((resolve) => socket.once('connect_error', resolve))
    expect(error.message).toMatch(/FORBIDDEN/)
    socket.disconnect()
  })

  it('accepts a session cookie from the app’s own origin', async () => {
    const { owner } = await activeSession()
    const socket = io(origin, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: owner.cookie.cookie, origin: TEST_ORIGIN },
    })
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve)
      socket.once('connect_error', reject)
    })
    socket.disconnect()
  })
})

describe('watching a session', () => {
  it('gives a member the participants and tells them who comes and goes', async () => {
    const { owner, member, group, session } = await activeSession()
    const host = await connectAs(origin, owner)
    const snapshot = unwrapAck(
      await host.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    expect(snapshot).toMatchObject({ sessionId: session.id, status: 'active', isHost: true })
    expect(snapshot.participants.map((entry) => entry.userId)).toEqual([owner.id])

    const arrived = nextEvent(host, 'session:presence', (event) =>
      event.changes.some((change) => change.userId === member.id && change.online),
    )
    const learner = await connectAs(origin, member)
    const seen = unwrapAck(
      await learner.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    expect(seen.isHost).toBe(false)
    await arrived

    const left = nextEvent(host, 'session:presence', (event) =>
      event.changes.some((change) => change.userId === member.id && !change.online),
    )
    learner.disconnect()
    await left
  })

  it('refuses someone outside the group, as the HTTP API does', async () => {
    const { outsider, group, session } = await activeSession()
    const socket = await connectAs(origin, outsider)
    const reply = await socket.emitWithAck('session:watch', {
      groupId: group.id,
      sessionId: session.id,
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'GROUP_NOT_FOUND' } })
  })

  it('pushes a state change to the group and the session', async () => {
    const { owner, member, group, session, base } = await activeSession()
    const watcher = await connectAs(origin, member)
    unwrapAck(await watcher.emitWithAck('group:watch', { groupId: group.id }))
    const ended = nextEvent(watcher, 'session:changed', (event) => event.sessionId === session.id)
    expect((await call('POST', `${base}/${session.id}/end`, owner)).statusCode).toBe(200)
    expect(await ended).toMatchObject({ groupId: group.id, status: 'completed' })
  })

  it('pushes a join as progress to everyone watching', async () => {
    const { owner, member, group, session, base } = await activeSession()
    const host = await connectAs(origin, owner)
    unwrapAck(await host.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }))
    const joined = nextEvent(host, 'session:progress', (event) =>
      event.updates.some((update) => update.userId === member.id),
    )
    await call('POST', `${base}/${session.id}/join`, member)
    expect((await joined).updates).toContainEqual({
      userId: member.id,
      name: member.name,
      answeredCount: 0,
      score: 0,
      finished: false,
    })
  })

  it('lists a member who joined just now in the next snapshot, though the list was read before the join', async () => {
    const { owner, member, group, session, base } = await activeSession()
    const host = await connectAs(origin, owner)
    // The host's watch reads the list; a watch right after reuses it.
    unwrapAck(await host.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }))
    await call('POST', `${base}/${session.id}/join`, member)
    const learner = await connectAs(origin, member)
    const seen = unwrapAck(
      await learner.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }),
    )
    expect(seen.participants.find((entry) => entry.userId === member.id)).toMatchObject({
      joined: true,
      online: true,
    })
    expect(seen.joinedCount).toBe(1)
  })

  it('tells the owner watching the group when someone asks to join, and the asker when it is decided', async () => {
    const { owner, outsider, group } = await setUpGroup()
    await call('PATCH', `/api/groups/${group.id}`, owner, { privacy: 'private' })
    const ownerSocket = await connectAs(origin, owner)
    unwrapAck(await ownerSocket.emitWithAck('group:watch', { groupId: group.id }))
    const asked = nextEvent(ownerSocket, 'attention:changed', (event) => event.groupId === group.id)
    const requested = await call('POST', `/api/join/${group.joinCode}`, outsider, {})
    expect(requested.json()).toMatchObject({ status: 'requested' })
    await asked

    const asker = await connectAs(origin, outsider)
    const decided = nextEvent(asker, 'attention:changed', (event) => event.groupId === group.id)
    const [request] = (await call('GET', `/api/groups/${group.id}/join-requests`, owner)).json()
      .items
    const approve = await call(
      'POST',
      `/api/groups/${group.id}/join-requests/${request.id}/approve`,
      owner,
    )
    expect(approve.statusCode).toBe(200)
    await decided
  })

  it('rejects a malformed watch request naming the field', async () => {
    const { owner } = await activeSession()
    const socket = await connectAs(origin, owner)
    const reply = await socket.emitWithAck('session:watch', {
      groupId: 'nope',
      sessionId: 'nope',
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    if (!reply.ok) expect(reply.error.message).toMatch(/groupId/)
  })
})

describe('the participant list in a snapshot', () => {
  const entry = (userId: string, online: boolean) => ({
    userId,
    name: userId,
    online,
    joined: true,
    answeredCount: 0,
    score: 0,
    finished: false,
  })
  const everyone = Array.from({ length: 10 }, (_, i) => entry(`u${i}`, i % 2 === 0))

  it('lists everyone in a session no larger than the limit', () => {
    expect(participantsFor(everyone, 'u3', false, 10)).toEqual({
      participants: everyone,
      complete: true,
    })
  })

  it('lists everyone for a host, however large the session', () => {
    expect(participantsFor(everyone, 'host', true, 3).participants).toHaveLength(10)
  })

  it('gives a participant of a large session themselves and those here now first', () => {
    const { participants, complete } = participantsFor(everyone, 'u3', false, 4)
    expect(complete).toBe(false)
    expect(participants.map((p) => p.userId)).toEqual(['u3', 'u0', 'u2', 'u4'])
  })
})
