import type { SessionPresenceEvent, SessionProgressEvent } from '@loopquiz/contract'
import type { SessionChange } from '../../domain/session-state.ts'
import { createCoalescer } from '../../lib/coalescer.ts'
import type { PresentUser } from '../../lib/presence-tracker.ts'
import { type Realtime, rooms } from '../../plugins/realtime.ts'
import type { SessionRow } from './sessions.repository.ts'

export type ProgressUpdate = SessionProgressEvent['updates'][number]
type PresenceChange = SessionPresenceEvent['changes'][number]
/** A change to one participant's entry, as this node learns of it. */
export type ParticipantChange =
  | { kind: 'presence'; change: PresenceChange }
  | { kind: 'progress'; update: ProgressUpdate }

/** The most pushes of one session a node delivers in a second (people × broadcasts). */
const DELIVERIES_PER_SECOND = 40_000

/**
 * What the sessions module tells clients, to the rooms `group:<id>`, `session:<id>` and
 * `user:<id>`. Presence and progress are coalesced: a burst of answers makes one broadcast per
 * session per interval, each entry the participant's latest total.
 */
export function createSessionEvents(realtime: Realtime, { tickMs = 10 } = {}) {
  const { io } = realtime
  const changeListeners: Array<(sessionId: string, change: ParticipantChange) => void> = []

  // Each presence and progress broadcast reaches everyone in the session on this node, so
  // broadcasts are spaced by the room's size: at most DELIVERIES_PER_SECOND for one session
  // (1,000 people: one every 25 ms; 10,000: every 250 ms), whatever the answer rate. That is
  // twice what bench:live's references deliver with a p95 of about 30 ms at 1,000 clients on a
  // 2-core machine, so a class answering steadily rarely waits for the spacing, and a burst
  // still costs a bounded fan-out. The first change after a pause goes at once.
  const intervalOf = (sessionId: string) =>
    Math.max(
      tickMs,
      ((io.of('/').adapter.rooms.get(rooms.session(sessionId))?.size ?? 0) * 1000) /
        DELIVERIES_PER_SECOND,
    )
  const presence = createCoalescer<PresenceChange>(intervalOf, (sessionId, changes) => {
    io.to(rooms.session(sessionId)).emit('session:presence', { sessionId, changes })
  })
  const progress = createCoalescer<ProgressUpdate>(intervalOf, (sessionId, updates) => {
    io.to(rooms.session(sessionId)).emit('session:progress', { sessionId, updates })
  })
  // A group's whole online list is small; it is sent whole, at most a few times a second.
  const groupPresence = createCoalescer<true>(tickMs * 20, (groupId) => {
    realtime.usersIn(rooms.group(groupId)).then(
      (users) =>
        io.to(rooms.group(groupId)).emit('group:presence', {
          groupId,
          onlineUserIds: users.map((user) => user.userId),
        }),
      () => {},
    )
  })

  return {
    sessionChanged(change: SessionChange, session: SessionRow) {
      io.to([rooms.group(session.groupId), rooms.session(session.id)]).emit('session:changed', {
        groupId: session.groupId,
        sessionId: session.id,
        change,
        status: session.status,
      })
      realtime.markSessionStale(session.id)
    },

    /** Called by the realtime plugin for every presence room this node sees change. */
    presenceChanged(room: string, user: PresentUser, online: boolean) {
      const [kind, id, rest] = room.split(':')
      if (!id || rest !== undefined) return
      if (kind === 'session') {
        const change = { ...user, online }
        presence.add(id, user.userId, change)
        for (const listener of changeListeners) listener(id, { kind: 'presence', change })
      }
      if (kind === 'group') groupPresence.add(id, '', true)
    },

    progressed(sessionId: string, update: ProgressUpdate) {
      progress.add(sessionId, update.userId, update)
      for (const listener of changeListeners) listener(sessionId, { kind: 'progress', update })
    },

    /** Hears each participant change at once, before its coalesced broadcast (a cache's patch). */
    onParticipantChange(listener: (sessionId: string, change: ParticipantChange) => void) {
      changeListeners.push(listener)
    },

    /**
     * Something owners and admins decide changed in the group (a join request, a session waiting
     * for approval): everyone watching the group refetches the counts they may see, and the
     * people named (a requester whose request was decided) refetch theirs wherever they are.
     */
    attentionChanged(groupId: string, userIds: readonly string[] = []) {
      io.to([rooms.group(groupId), ...userIds.map(rooms.user)]).emit('attention:changed', {
        groupId,
      })
    },

    /** Sends whatever is pending now (tests, and shutdown). */
    flush() {
      presence.flush()
      progress.flush()
      groupPresence.flush()
    },

    stop() {
      presence.stop()
      progress.stop()
      groupPresence.stop()
    },
  }
}

export type SessionEvents = ReturnType<typeof createSessionEvents>
