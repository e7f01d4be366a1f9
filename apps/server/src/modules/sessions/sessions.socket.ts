import {
  applyPresence,
  applyProgress,
  type LiveState,
  type PresenceEntry,
  type SessionSnapshot,
  watchGroupBodySchema,
  watchSessionBodySchema,
} from '@loopquiz/contract'
import { z } from 'zod'
import { AppError } from '../../lib/app-error.ts'
import { type Realtime, type RealtimeSocket, rooms } from '../../plugins/realtime.ts'
import type { Viewer } from './session-context.ts'
import type { ParticipantChange, SessionEvents } from './sessions.events.ts'
import type { SessionsService } from './sessions.service.ts'

/** How long one session's participant list serves every watcher that asks (a class joining at once). */
const SNAPSHOT_REUSE_MS = 250
/**
 * Most participants a non-host's snapshot lists. Ten thousand people joining a session each
 * receiving everyone would cost the square of the session's size; the host sees everyone.
 */
export const SNAPSHOT_LIST_LIMIT = 200

/** The snapshot's list for one watcher: everyone for a host or a small session, else a window. */
export function participantsFor(
  everyone: readonly PresenceEntry[],
  viewerId: string,
  isHost: boolean,
  limit = SNAPSHOT_LIST_LIMIT,
): { participants: PresenceEntry[]; complete: boolean } {
  if (isHost || everyone.length <= limit) return { participants: [...everyone], complete: true }
  const own = everyone.find((entry) => entry.userId === viewerId)
  const others = everyone.filter((entry) => entry.userId !== viewerId)
  // Those here now first: a lobby shows who is in the room.
  others.sort((a, b) => Number(b.online) - Number(a.online))
  return {
    participants: [...(own ? [own] : []), ...others.slice(0, own ? limit - 1 : limit)],
    complete: false,
  }
}

export interface SessionSocketDeps {
  realtime: Realtime
  sessions: SessionsService
  events: Pick<SessionEvents, 'onParticipantChange'>
  isGroupMember(groupId: string, userId: string): Promise<boolean>
  /** The live state of a live session, for a watcher's snapshot. */
  liveStateOf?: (groupId: string, sessionId: string, viewer: Viewer) => Promise<LiveState | null>
}

const viewerOf = (socket: RealtimeSocket): Viewer => ({
  id: socket.data.userId,
  name: socket.data.name,
  email: socket.data.email,
})

/**
 * Watching sessions and groups over the socket. A watcher must be able to read the session (or be
 * a member of the group) exactly as over HTTP; hosts also join the hosts' room.
 */
export function registerSessionSockets({
  realtime,
  sessions,
  events,
  isGroupMember,
  liveStateOf,
}: SessionSocketDeps) {
  interface CachedList {
    until: number
    list: Promise<PresenceEntry[]>
    /**
     * What changed on this node since the list was read: a watcher who arrives after a join
     * (their own, often) must see it, though its push went out before they were in the room.
     * Applied when next read, so a burst of answers costs nothing until someone watches.
     */
    changes: ParticipantChange[]
  }
  const participantLists = new Map<string, CachedList>()
  realtime.onSessionStale((sessionId) => participantLists.delete(sessionId))
  events.onParticipantChange((sessionId, change) => {
    participantLists.get(sessionId)?.changes.push(change)
  })

  function withChanges(cached: CachedList): Promise<PresenceEntry[]> {
    if (cached.changes.length === 0) return cached.list
    const changes = cached.changes
    cached.changes = []
    cached.list = cached.list.then((list) => {
      let patched = list
      const updates = changes.flatMap((each) => (each.kind === 'progress' ? [each.update] : []))
      const presence = changes.flatMap((each) => (each.kind === 'presence' ? [each.change] : []))
      if (updates.length > 0) patched = applyProgress(patched, { sessionId: '', updates })
      if (presence.length > 0)
        patched = applyPresence(patched, { sessionId: '', changes: presence })
      return patched
    })
    return cached.list
  }

  async function participantsOf(groupId: string, sessionId: string, viewer: Viewer) {
    const cached = participantLists.get(sessionId)
    if (cached && cached.until > Date.now()) return withChanges(cached)
    const list = Promise.all([
      sessions.participants(groupId, sessionId, viewer),
      realtime.usersIn(rooms.session(sessionId)),
    ]).then(([participants, online]) => {
      const onlineIds = new Set(online.map((user) => user.userId))
      const entries: PresenceEntry[] = participants.map((participant) => ({
        userId: participant.userId,
        name: participant.name,
        online: onlineIds.has(participant.userId),
        joined: true,
        answeredCount: participant.answeredCount,
        score: participant.score,
        finished: participant.completedAt !== null,
      }))
      const joinedIds = new Set(entries.map((entry) => entry.userId))
      for (const user of online) {
        if (joinedIds.has(user.userId)) continue
        entries.push({
          userId: user.userId,
          name: user.name,
          online: true,
          joined: false,
          answeredCount: 0,
          score: 0,
          finished: false,
        })
      }
      return entries
    })
    participantLists.set(sessionId, { until: Date.now() + SNAPSHOT_REUSE_MS, list, changes: [] })
    list.catch(() => participantLists.delete(sessionId))
    return list
  }

  realtime.onConnection((socket) => {
    realtime.handle(
      socket,
      'session:watch',
      watchSessionBodySchema,
      async ({ groupId, sessionId }): Promise<SessionSnapshot> => {
        const viewer = viewerOf(socket)
        const session = await sessions.get(groupId, sessionId, viewer)
        realtime.watch(socket, rooms.session(sessionId))
        const isHost = session.capabilities.canHost
        if (isHost) void socket.join(rooms.sessionHosts(sessionId))
        const [participants, live] = await Promise.all([
          participantsOf(groupId, sessionId, viewer),
          session.mode === 'live' && liveStateOf
            ? liveStateOf(groupId, sessionId, viewer)
            : Promise.resolve(null),
        ])
        return {
          sessionId,
          status: session.status,
          ...participantsFor(participants, viewer.id, isHost),
          joinedCount: participants.filter((entry) => entry.joined).length,
          onlineCount: participants.filter((entry) => entry.online).length,
          isHost,
          live,
          serverNow: new Date().toISOString(),
        }
      },
    )

    socket.on('session:unwatch', (body) => {
      const parsed = z.object({ sessionId: z.uuid() }).safeParse(body)
      if (!parsed.success) return
      realtime.unwatch(socket, rooms.session(parsed.data.sessionId))
      void socket.leave(rooms.sessionHosts(parsed.data.sessionId))
    })

    realtime.handle(socket, 'group:watch', watchGroupBodySchema, async ({ groupId }) => {
      if (!(await isGroupMember(groupId, socket.data.userId))) {
        throw new AppError('GROUP_NOT_FOUND', { message: 'No such group among yours.' })
      }
      realtime.watch(socket, rooms.group(groupId))
      const users = await realtime.usersIn(rooms.group(groupId))
      return { groupId, onlineUserIds: users.map((user) => user.userId) }
    })

    socket.on('group:unwatch', (body) => {
      const parsed = watchGroupBodySchema.safeParse(body)
      if (parsed.success) realtime.unwatch(socket, rooms.group(parsed.data.groupId))
    })
  })
}
