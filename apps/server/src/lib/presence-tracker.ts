export interface PresentUser {
  userId: string
  name: string
}

export interface PresenceTracker {
  /** One more socket of the user watches the room. */
  enter(room: string, user: PresentUser): void
  /** One socket of the user stopped watching the room (unwatched, or disconnected). */
  leave(room: string, userId: string): void
  /** Who this node has in the room now. */
  localUsers(room: string): PresentUser[]
  stop(): void
}

/**
 * Who is in which room, on this node: a user is present while at least one of their sockets
 * watches the room (two tabs count once). Going offline waits `offlineGraceMs`, so a reload or a
 * dropped connection that comes back at once does not flicker the user off and on for everyone.
 * Other nodes keep their own; the realtime plugin asks them for theirs when a snapshot is needed.
 */
export function createPresenceTracker(
  offlineGraceMs: number,
  onChange: (room: string, user: PresentUser, online: boolean) => void,
): PresenceTracker {
  const rooms = new Map<string, Map<string, { name: string; sockets: number }>>()
  const pendingOffline = new Map<string, NodeJS.Timeout>()
  const keyOf = (room: string, userId: string) => `${room}\u0000${userId}`

  function settleOffline(room: string, userId: string) {
    pendingOffline.delete(keyOf(room, userId))
    const users = rooms.get(room)
    const entry = users?.get(userId)
    if (!users || !entry || entry.sockets > 0) return
    users.delete(userId)
    if (users.size === 0) rooms.delete(room)
    onChange(room, { userId, name: entry.name }, false)
  }

  return {
    enter(room, user) {
      let users = rooms.get(room)
      if (!users) {
        users = new Map()
        rooms.set(room, users)
      }
      const entry = users.get(user.userId)
      const timer = pendingOffline.get(keyOf(room, user.userId))
      if (timer) {
        clearTimeout(timer)
        pendingOffline.delete(keyOf(room, user.userId))
      }
      if (entry) {
        const wasOffline = entry.sockets === 0 && !timer
        entry.sockets += 1
        if (wasOffline) onChange(room, user, true)
        return
      }
      users.set(user.userId, { name: user.name, sockets: 1 })
      onChange(room, user, true)
    },
    leave(room, userId) {
      const entry = rooms.get(room)?.get(userId)
      if (!entry || entry.sockets === 0) return
      entry.sockets -= 1
      if (entry.sockets > 0) return
      const key = keyOf(room, userId)
      if (offlineGraceMs <= 0) return settleOffline(room, userId)
      pendingOffline.set(
        key,
        setTimeout(() => settleOffline(room, userId), offlineGraceMs),
      )
    },
    localUsers(room) {
      const users = rooms.get(room)
      if (!users) return []
      return [...users].map(([userId, { name }]) => ({ userId, name }))
    },
    stop() {
      for (const timer of pendingOffline.values()) clearTimeout(timer)
      pendingOffline.clear()
      rooms.clear()
    },
  }
}
