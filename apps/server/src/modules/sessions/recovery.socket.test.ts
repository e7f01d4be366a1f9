import type { SessionChangedEvent, SessionProgressEvent } from '@loopquiz/contract'
import { type RealtimeSocket, unwrapAck } from '@loopquiz/contract/realtime-client'
import { describe, expect, it } from 'vitest'
import { connectAs, listenOnce, nextEvent } from '../../test/realtime-clients.ts'
import { manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp } from '../../test/test-app.ts'

// Connection state recovery: a client whose connection drops for a few seconds (a train tunnel,
// a laptop lid, Wi-Fi switching) gets on reconnecting every event it missed, in order, and is
// back in its rooms without watching again. The grace is short here so that the drop shows as
// "offline" to the others, as it does in real life after two seconds.
const app = await createTestApp({}, { timing: { offlineGraceMs: 200, realtimeTickMs: 20 } })
const { call, setUpGroup } = sessionFixtures(app)
const origin = await listenOnce(app)

const OUTAGE_MS = 5000

/**
 * Watches the session and waits for the first broadcast to reach the client (its own arrival
 * in the presence list). Socket.IO recovers a connection from the offset of the last broadcast
 * the client received: one that has received none yet has nothing to resume from, and the
 * client watches again instead (`recovered` is false).
 */
async function watchAndSettle(
  socket: RealtimeSocket,
  watch: { groupId: string; sessionId: string },
  userId: string,
) {
  const seenSelf = nextEvent(socket, 'session:presence', (event) =>
    event.changes.some((change) => change.userId === userId && change.online),
  )
  unwrapAck(await socket.emitWithAck('session:watch', watch))
  await seenSelf
}

/** Drops the client's connection and keeps it from reconnecting on its own. */
async function dropConnection(socket: RealtimeSocket) {
  socket.io.reconnection(false)
  const gone = new Promise((resolve) => socket.once('disconnect', resolve))
  socket.io.engine.close()
  await gone
}

async function reconnect(socket: RealtimeSocket) {
  const back = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  socket.io.reconnection(true)
  socket.connect()
  await back
}

describe('a client that was disconnected for 5 s', () => {
  it('receives on reconnecting the progress and the state change it missed, and shows as present again', async () => {
    const { owner, member, admin, group, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, { source: manualSource })
    ).json() as { id: string }
    const watch = { groupId: group.id, sessionId: session.id }

    const host = await connectAs(origin, owner)
    unwrapAck(await host.emitWithAck('session:watch', watch))
    const learner = await connectAs(origin, member)
    const progress: SessionProgressEvent[] = []
    const changes: SessionChangedEvent[] = []
    learner.on('session:progress', (event) => progress.push(event))
    learner.on('session:changed', (event) => changes.push(event))
    await watchAndSettle(learner, watch, member.id)

    const wentOffline = nextEvent(host, 'session:presence', (event) =>
      event.changes.some((change) => change.userId === member.id && !change.online),
    )
    await dropConnection(learner)
    const droppedAt = Date.now()
    await wentOffline

    // While the learner is away: someone joins (progress) and the host ends the session.
    const hostSawJoin = nextEvent(host, 'session:progress', (event) =>
      event.updates.some((update) => update.userId === admin.id),
    )
    expect((await call('POST', `${base}/${session.id}/join`, admin)).statusCode).toBe(200)
    await hostSawJoin
    const hostSawEnd = nextEvent(host, 'session:changed', (event) => event.sessionId === session.id)
    expect((await call('POST', `${base}/${session.id}/end`, owner)).statusCode).toBe(200)
    await hostSawEnd
    expect(learner.connected).toBe(false)
    expect(progress).toEqual([])
    expect(changes).toEqual([])

    await new Promise((resolve) => setTimeout(resolve, droppedAt + OUTAGE_MS - Date.now()))
    const cameBack = nextEvent(host, 'session:presence', (event) =>
      event.changes.some((change) => change.userId === member.id && change.online),
    )
    const missedChange = nextEvent(learner, 'session:changed')
    await reconnect(learner)
    // The missed packets are sent right after the connection is restored.
    await Promise.all([missedChange, cameBack])

    expect(learner.recovered).toBe(true)
    expect(progress.flatMap((event) => event.updates)).toContainEqual({
      userId: admin.id,
      name: admin.name,
      answeredCount: 0,
      score: 0,
      finished: false,
    })
    expect(changes).toEqual([
      { groupId: group.id, sessionId: session.id, change: 'complete', status: 'completed' },
    ])
  })

  it('is still in the session’s room after recovering, without watching again', async () => {
    const { owner, member, group, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, { source: manualSource })
    ).json() as { id: string }
    const learner = await connectAs(origin, member)
    await watchAndSettle(learner, { groupId: group.id, sessionId: session.id }, member.id)

    await dropConnection(learner)
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS))
    await reconnect(learner)
    expect(learner.recovered).toBe(true)

    const ended = nextEvent(learner, 'session:changed', (event) => event.sessionId === session.id)
    expect((await call('POST', `${base}/${session.id}/end`, owner)).statusCode).toBe(200)
    expect(await ended).toMatchObject({ change: 'complete', status: 'completed' })
  })
})
