import type { Participant } from '@loopquiz/contract'
import { totalPoints } from '../../domain/grading.ts'
import { maxLiveScore } from '../../domain/live-scoring.ts'
import { type AnswerWindow, answerWindow } from '../../domain/session-state.ts'
import { AppError } from '../../lib/app-error.ts'
import { createLoadingCache } from '../../lib/loading-cache.ts'
import { newSecretToken } from '../../lib/tokens.ts'
import { createTtlCache } from '../../lib/ttl-cache.ts'
import type { Live, LiveDeps } from './live.ts'
import type { SessionContext, Viewer } from './session-context.ts'
import type { SessionRow } from './sessions.repository.ts'

/** Why a session takes nothing now, in words a member can act on. */
function notOpen(row: SessionRow, window: Extract<AnswerWindow, { open: false }>): AppError {
  const message = {
    not_started: 'This session has not started yet.',
    cancelled: 'This session was cancelled.',
    ended: `This session ended${row.completedAt ? ` at ${row.completedAt.toISOString()}` : ''}; it takes no more answers.`,
  }[window.reason]
  return new AppError('SESSION_NOT_OPEN', { message })
}

const noLongerMember = () =>
  new AppError('NO_LONGER_A_MEMBER', {
    message: 'You are no longer a member of this group, so its sessions take nothing from you.',
  })

/**
 * Taking part: joining, the gate the quiz module asks before each answer of a session attempt,
 * and the participant list. Only current members take part; an ended session takes nothing
 * unless the host opened a late window.
 */
/**
 * How often an answer notes that its participant was seen. "Last seen" is shown to the minute;
 * writing it on every answer would add a write per answer beside the answer's batch.
 */
const SEEN_WRITE_INTERVAL_MS = 10_000
/**
 * How long the answer gate reuses a session's row. Every change of a session drops it on every
 * node at once (the stale signal); this bounds a change that comes another way, such as a row
 * edited by hand, to a second.
 */
const SESSION_ROW_TTL_MS = 1000

export function createParticipation(
  ctx: SessionContext,
  live: Pick<Live, 'liveAnswerWindow'>,
  onStale: LiveDeps['onStale'],
) {
  const { sessions, groups, now } = ctx
  // Per node: another node writes its own participants' sightings.
  const seenRecently = createTtlCache<true>(SEEN_WRITE_INTERVAL_MS, 100_000)
  // Each answer asks the gate up to three times; a class answering at once would read the same
  // row thousands of times a second.
  const sessionRows = createLoadingCache((sessionId) => sessions.findSessionById(sessionId), {
    ttlMs: SESSION_ROW_TTL_MS,
    maxEntries: 10_000,
  })
  onStale?.((sessionId) => sessionRows.delete(sessionId))

  async function join(groupId: string, sessionId: string, viewer: Viewer): Promise<string> {
    const { row } = await ctx.getOwnSession(groupId, sessionId, viewer)
    const at = now()
    const window = answerWindow(row, at)
    if (!window.open) throw notOpen(row, window)
    const attemptId = await sessions.joinSession({
      session: row,
      userId: viewer.id,
      displayName: viewer.name,
      attemptId: newSecretToken(),
      // Live speed scoring multiplies points (domain/live-scoring), so the best result does too.
      maxScore:
        row.mode === 'live'
          ? maxLiveScore(
              row.questionsData.map((question) => question.points),
              row.options.scoring,
            )
          : totalPoints(row.questionsData),
      late: window.late,
      now: at,
    })
    const [mine] = await sessions.findMyParticipations([row.id], viewer.id)
    ctx.progressed(row.id, {
      userId: viewer.id,
      name: viewer.name,
      answeredCount: mine?.answeredCount ?? 0,
      score: mine?.score ?? 0,
      finished: mine?.participant.completedAt != null,
    })
    return attemptId
  }

  async function participants(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
  ): Promise<Participant[]> {
    await ctx.getOwnSession(groupId, sessionId, viewer)
    const rows = await sessions.findParticipants(sessionId)
    return (
      rows
        // Someone who left keeps a finished result in the history; an unfinished one goes.
        .filter((row) => row.isMember || row.participant.completedAt !== null)
        .map((row) => ({
          userId: row.participant.userId,
          name: row.name,
          joinedAt: row.participant.joinedAt.toISOString(),
          lastSeenAt: row.participant.lastSeenAt.toISOString(),
          answeredCount: row.answeredCount,
          score: row.score,
          maxScore: row.maxScore,
          completedAt: row.participant.completedAt?.toISOString() ?? null,
          late: row.participant.late,
          leftGroup: !row.isMember,
        }))
    )
  }

  async function assertStillMember(row: SessionRow, userId: string) {
    if ((await groups.roleOf(row.groupId, userId)) === null) throw noLongerMember()
  }

  /** What the quiz module asks before acting on an attempt taken inside a session. */
  const gate = {
    isGroupMember: async (groupId: string, userId: string) =>
      (await groups.roleOf(groupId, userId)) !== null,

    /**
     * Refuses closed sessions; notes the member was seen (late, after the end). Membership is
     * checked once per request by `assertMember`, when the quiz module looks the attempt up.
     */
    async assertOpenForAnswers(sessionId: string, userId: string): Promise<void> {
      const row = await sessionRows.get(sessionId)
      if (!row)
        throw new AppError('SESSION_NOT_OPEN', { message: 'This session no longer exists.' })
      const window = answerWindow(row, now())
      if (!window.open) throw notOpen(row, window)
      const key = `${sessionId}:${userId}`
      // A late answer always marks the participant late; only the plain sighting is thinned out.
      if (!window.late && seenRecently.get(key)) return
      await sessions.touchParticipant(sessionId, userId, false, window.late)
      seenRecently.set(key, true)
    },

    /** Refuses a member who left: their attempt of an open session is closed to them. */
    async assertMember(sessionId: string, userId: string): Promise<void> {
      const row = await sessionRows.get(sessionId)
      if (row) await assertStillMember(row, userId)
    },

    async recordFinished(sessionId: string, userId: string): Promise<void> {
      const row = await sessionRows.get(sessionId)
      const window = row ? answerWindow(row, now()) : null
      await sessions.touchParticipant(sessionId, userId, true, window?.open === true && window.late)
      // Everyone watching sees them finish now, not at their next refetch.
      const [mine] = await sessions.findMyParticipations([sessionId], userId)
      if (mine) {
        ctx.progressed(sessionId, {
          userId,
          name: mine.name,
          answeredCount: mine.answeredCount,
          score: mine.score,
          finished: true,
        })
      }
    },

    /** Self-paced sessions follow each question's own time limit (null); live mode (live.ts) plays one question at a time. */
    liveAnswerWindow: live.liveAnswerWindow,

    async isClosed(sessionId: string): Promise<boolean> {
      const row = await sessionRows.get(sessionId)
      if (!row) return true
      const window = answerWindow(row, now())
      return !window.open && window.reason !== 'not_started'
    },
  }

  return { join, participants, gate }
}
