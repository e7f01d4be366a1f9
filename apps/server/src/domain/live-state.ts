import { type LiveAction, type LivePhase, liveActionPhases } from '@loopquiz/contract'

/** How long a live question runs when it has no time limit of its own. */
export const DEFAULT_LIVE_LIMIT_S = 20

/**
 * An answer sent just before the lock may arrive just after it: this much travel time is still
 * taken (the answer is scored as arriving at the very end, so it earns the least).
 */
export const LIVE_ANSWER_GRACE_MS = 500

/** Where a live session is, as stored: what the conditional update compares and writes. */
export interface LiveRecord {
  phase: LivePhase
  questionIndex: number | null
  openedAt: Date | null
  deadline: Date | null
  pausedRemainingMs: number | null
}

/** How long one question takes answers in all, pauses excluded. */
export function questionLimitMs(question: { timeLimitS?: number | undefined }): number {
  return (question.timeLimitS ?? DEFAULT_LIVE_LIMIT_S) * 1000
}

/**
 * The phase at `at`: a question past its deadline is locked whether or not anything has written
 * that yet (the lock timer only makes it visible on time), and a session that is over shows its
 * podium once play began.
 */
export function effectivePhase(
  record: Pick<LiveRecord, 'phase' | 'deadline'>,
  at: Date,
  sessionOver = false,
): LivePhase {
  if (sessionOver && record.phase !== 'lobby') return 'podium'
  if (record.phase === 'question' && record.deadline && at.getTime() >= record.deadline.getTime())
    return 'locked'
  return record.phase
}

/** The phases an action may be taken in: the contract's table, which the host's buttons read too. */
export function phasesAllowing(action: LiveAction): readonly LivePhase[] {
  return liveActionPhases[action]
}

const phaseWords: Record<LivePhase, string> = {
  lobby: 'still in the lobby',
  question: 'running a question',
  paused: 'paused',
  locked: 'between questions (answers are locked)',
  revealed: 'showing the answer',
  leaderboard: 'showing the leaderboard',
  podium: 'over (on the podium)',
}

const hints: Record<LiveAction, string> = {
  start: 'It can only be started from the lobby.',
  pause: 'Only a running question can be paused.',
  resume: 'Only a paused question can be resumed.',
  lock: 'Only a running or paused question can be ended early.',
  reveal: 'Reveal the answer once the question is locked.',
  leaderboard: 'Show the leaderboard once the question is locked.',
  next: 'Move on after revealing the answer or showing the leaderboard.',
  finish: 'It has already finished.',
}

const actionWords: Record<LiveAction, string> = {
  start: 'start',
  pause: 'pause',
  resume: 'resume',
  lock: 'lock the question',
  reveal: 'reveal the answer',
  leaderboard: 'show the leaderboard',
  next: 'go to the next question',
  finish: 'finish',
}

/** Why the host cannot take `action` in `phase`, in words a host can act on. */
export function liveRefusalMessage(phase: LivePhase, action: LiveAction): string {
  return `The live session is ${phaseWords[phase]}, so you cannot ${actionWords[action]} now. ${hints[action]}`
}

export type LiveOutcome =
  | { ok: true; next: LiveRecord; opensQuestion: boolean; endsSession: boolean }
  | { ok: false; message: string }

const opening = (index: number, at: Date, limitMs: number): LiveRecord => ({
  phase: 'question',
  questionIndex: index,
  openedAt: at,
  deadline: new Date(at.getTime() + limitMs),
  pausedRemainingMs: null,
})

/**
 * What a host action does to a live session at `at`. `limitsMs` holds each question's limit in
 * play order. A refusal says why; the caller writes `next` only if nobody changed the state in
 * between (a conditional update on the version).
 */
export function applyLiveAction(
  record: LiveRecord,
  action: LiveAction,
  { at, limitsMs }: { at: Date; limitsMs: readonly number[] },
): LiveOutcome {
  const phase = effectivePhase(record, at)
  if (!liveActionPhases[action].includes(phase)) {
    return { ok: false, message: liveRefusalMessage(phase, action) }
  }
  const ok = (next: LiveRecord, opensQuestion = false, endsSession = false): LiveOutcome => ({
    ok: true,
    next,
    opensQuestion,
    endsSession,
  })
  const index = record.questionIndex ?? 0
  switch (action) {
    case 'start': {
      const limit = limitsMs[0]
      if (limit === undefined) return { ok: false, message: 'This session has no questions.' }
      return ok(opening(0, at, limit), true)
    }
    case 'pause':
      return ok({
        ...record,
        phase: 'paused',
        deadline: null,
        pausedRemainingMs: Math.max(0, (record.deadline?.getTime() ?? 0) - at.getTime()),
      })
    case 'resume':
      return ok(
        {
          ...record,
          phase: 'question',
          deadline: new Date(at.getTime() + (record.pausedRemainingMs ?? 0)),
          pausedRemainingMs: null,
        },
        true,
      )
    case 'lock':
      // Locking early ends the question now: the deadline records when it stopped.
      return ok({ ...record, phase: 'locked', deadline: at, pausedRemainingMs: null })
    case 'reveal':
      return ok({ ...record, phase: 'revealed', pausedRemainingMs: null })
    case 'leaderboard':
      return ok({ ...record, phase: 'leaderboard', pausedRemainingMs: null })
    case 'next': {
      const limit = limitsMs[index + 1]
      if (limit === undefined) return ok({ ...record, phase: 'podium' }, false, true)
      return ok(opening(index + 1, at, limit), true)
    }
    case 'finish':
      return ok({ ...record, phase: 'podium', pausedRemainingMs: null }, false, true)
  }
}

/** Whether an answer to one question is taken at one instant, and if so, how it is timed. */
export type LiveAnswerCheck =
  | { ok: true; deadline: Date; limitMs: number }
  | { ok: false; message: string }

/**
 * A live session takes an answer only to the question being played, only while it runs, and
 * only until its deadline plus a little travel time.
 */
export function checkLiveAnswer(
  record: LiveRecord,
  questionIds: readonly string[],
  limitsMs: readonly number[],
  questionId: string,
  at: Date,
): LiveAnswerCheck {
  const current = record.questionIndex === null ? undefined : questionIds[record.questionIndex]
  if (record.phase === 'lobby' || current === undefined) {
    return { ok: false, message: 'The host has not opened a question yet.' }
  }
  if (questionId !== current) {
    return { ok: false, message: 'This is not the question being played now.' }
  }
  if (record.phase === 'paused') {
    return { ok: false, message: 'The host paused this question; answer once it resumes.' }
  }
  const limitMs = limitsMs[record.questionIndex ?? 0] ?? 0
  if (
    record.phase !== 'question' ||
    !record.deadline ||
    at.getTime() > record.deadline.getTime() + LIVE_ANSWER_GRACE_MS
  ) {
    return { ok: false, message: 'Time is up: this question takes no more answers.' }
  }
  return { ok: true, deadline: record.deadline, limitMs }
}
