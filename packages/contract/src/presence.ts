import type { PresenceEntry, SessionPresenceEvent, SessionProgressEvent } from './events.ts'

/*
 * How a session's participant list follows its pushes: pure, so the rules are tested apart
 * from the socket, and one rule serves the clients' lists and the server's cached snapshot.
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
 * Applies a progress push (each update a participant's new totals, with their name, so someone
 * not seen before is listed at once, without asking the server again).
 */
export function applyProgress(
  list: PresenceEntry[],
  { updates }: SessionProgressEvent,
): PresenceEntry[] {
  const byId = new Map(list.map((entry) => [entry.userId, entry]))
  for (const update of updates) {
    const entry = byId.get(update.userId)
    byId.set(update.userId, {
      userId: update.userId,
      name: update.name,
      online: entry?.online ?? false,
      joined: true,
      answeredCount: update.answeredCount,
      score: update.score,
      finished: update.finished,
    })
  }
  return [...byId.values()]
}
