import type { LiveState } from '@loopquiz/contract'

/**
 * How long the current question still takes answers, in ms, at `serverNowMs` (the server's clock
 * as this client estimates it): the deadline's distance while it runs, the frozen remainder while
 * paused, null when no countdown applies (lobby, reveal, leaderboard…).
 */
export function timeLeftMs(state: LiveState, serverNowMs: number): number | null {
  if (state.phase === 'paused') return state.pausedRemainingMs ?? 0
  if (state.phase !== 'question' || !state.deadline) return null
  return Math.max(0, new Date(state.deadline).getTime() - serverNowMs)
}

/** How long a live question runs without a limit of its own: the server's default, mirrored. */
const DEFAULT_LIVE_LIMIT_S = 20

/** A question's whole answering time in a live session, pauses excluded (the countdown's ring). */
export function questionLimitMs(question: { timeLimitS?: number | undefined }): number {
  return (question.timeLimitS ?? DEFAULT_LIVE_LIMIT_S) * 1_000
}

/** Whole seconds as a countdown shows them: 0.2 s left is still "1", only 0 is "0". */
export function wholeSeconds(ms: number): number {
  return Math.ceil(ms / 1_000)
}

/**
 * A question past its deadline takes no answers even before the server's lock arrives (the
 * server derives it the same way): the phase the screen should show now.
 */
export function effectivePhase(state: LiveState, serverNowMs: number): LiveState['phase'] {
  if (state.phase === 'question' && timeLeftMs(state, serverNowMs) === 0) return 'locked'
  return state.phase
}

/** Keeps the newest of two states: pushes may overtake each other, or arrive after a fetch. */
export function newerState(current: LiveState | null, incoming: LiveState): LiveState {
  if (!current || current.sessionId !== incoming.sessionId) return incoming
  return incoming.version >= current.version ? incoming : current
}

// The moments a screen reader hears; every second would drown the question.
const announcedSeconds = [10, 5, 3, 2, 1]

/**
 * What the countdown's polite live region says with `secondsLeft` to go: it changes only at
 * the moments above, so it is announced only then.
 */
export function liveCountdownAnnouncement(secondsLeft: number, isPaused: boolean): string {
  if (isPaused) return `Paused with ${secondsLeft} seconds left.`
  const moment = announcedSeconds.find(
    (s, index) => secondsLeft <= s && secondsLeft > (announcedSeconds[index + 1] ?? 0),
  )
  return moment === undefined ? '' : `${moment} ${moment === 1 ? 'second' : 'seconds'} left.`
}
