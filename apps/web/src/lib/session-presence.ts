import type { PresenceEntry, SessionPresenceEvent, SessionProgressEvent } from '@loopquiz/contract'

/*
 * How a session's participant list follows its pushes: pure, so the rules are tested apart
 * from the socket.
 */

/** Applies a presence push: people opening or leaving the session. */
export function applyPresence(
  list: PresenceEntry[],
  { changes }: SessionPresenceEvent,
): PresenceEntry[] {
  const byId = new Map(list.map((entry) => [entry.userId, entry]))
  for (const change of changes) {
    const entry = byId.get(change.userId)
    byId.set(
      change.userId,
      entry
        ? { ...entry, online: change.online }
        : {
            userId: change.userId,
            name: change.name,
            online: change.online,
            joined: false,
            answeredCount: 0,
            score: 0,
            finished: false,
          },
    )
  }
  return [...byId.values()]
}

/**
 * Applies a progress push (each update a participant's new totals). Returns the ids it did not
 * know, whose names only a fresh snapshot can tell.
 */
export function applyProgress(
  list: PresenceEntry[],
  { updates }: SessionProgressEvent,
): { list: PresenceEntry[]; unknownIds: string[] } {
  const byId = new Map(list.map((entry) => [entry.userId, entry]))
  const unknownIds: string[] = []
  for (const update of updates) {
    const entry = byId.get(update.userId)
    if (!entry) unknownIds.push(update.userId)
    byId.set(update.userId, {
      userId: update.userId,
      name: entry?.name ?? '',
      online: entry?.online ?? false,
      joined: true,
      answeredCount: update.answeredCount,
      score: update.score,
      finished: update.finished,
    })
  }
  return { list: [...byId.values()], unknownIds }
}
