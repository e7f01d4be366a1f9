import type { Participant, PresenceEntry } from '@loopquiz/contract'

/** One row: the stored participation (if any) with what the session's pushes say now. */
export interface ParticipantRow {
  userId: string
  name: string
  isOnline: boolean
  hasJoined: boolean
  answeredCount: number
  score: number
  maxScore: number | null
  isFinished: boolean
  stored: Participant | null
}

/**
 * The stored list (names, join times, late, left the group) with the pushed presence and
 * progress laid over it; people who opened the session but have not started come last.
 */
export function mergeParticipants(
  stored: readonly Participant[],
  pushed: readonly PresenceEntry[] | null,
  viewerId?: string,
): ParticipantRow[] {
  const live = new Map((pushed ?? []).map((entry) => [entry.userId, entry]))
  const rows: ParticipantRow[] = stored.map((participant) => {
    const entry = live.get(participant.userId)
    live.delete(participant.userId)
    return {
      userId: participant.userId,
      name: participant.name,
      isOnline: entry?.online ?? false,
      hasJoined: true,
      // A push is newer than the list it was laid over, unless the list already counts more.
      answeredCount: Math.max(participant.answeredCount, entry?.answeredCount ?? 0),
      score:
        entry && entry.answeredCount >= participant.answeredCount ? entry.score : participant.score,
      maxScore: participant.maxScore,
      isFinished: participant.completedAt !== null || (entry?.finished ?? false),
      stored: participant,
    }
  })
  for (const entry of live.values()) {
    // A host watching without taking part is not a participant of their own session.
    if ((!entry.joined && !entry.online) || (!entry.joined && entry.userId === viewerId)) continue
    rows.push({
      userId: entry.userId,
      name: entry.name,
      isOnline: entry.online,
      hasJoined: entry.joined,
      answeredCount: entry.answeredCount,
      score: entry.score,
      maxScore: null,
      isFinished: entry.finished,
      stored: null,
    })
  }
  return rows
}

/** Where a participant is, in words: the list and the host's dashboard say it the same way. */
export function progressLabel(row: ParticipantRow, questionCount: number): string {
  if (row.isFinished) return 'Finished'
  if (!row.hasJoined) return 'Here, not started yet'
  if (row.answeredCount >= questionCount) return `All ${questionCount} answered`
  return `Answering question ${row.answeredCount + 1} of ${questionCount}`
}
