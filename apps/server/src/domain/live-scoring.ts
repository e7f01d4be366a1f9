import type { SessionOptions } from '@loopquiz/contract'

/** Points of a correct answer in a live session are worth this many times the question's points at best. */
export const SPEED_SCALE = 1000

/**
 * What an answer in a live session earns. With `speed` scoring (Kahoot!'s rule) a correct answer
 * earns between the full and half the question's points × 1000, falling linearly with the time
 * it took of the time there was; a wrong one earns nothing. With `correct_only`, a correct answer
 * earns the question's points, whenever it came.
 */
export function livePoints(input: {
  correct: boolean
  points: number
  scoring: SessionOptions['scoring']
  /** Milliseconds from the question opening to the answer arriving, pauses excluded. */
  elapsedMs: number
  /** Milliseconds the question was open for in all. */
  limitMs: number
}): number {
  if (!input.correct) return 0
  if (input.scoring === 'correct_only') return input.points
  const share = input.limitMs > 0 ? Math.min(Math.max(input.elapsedMs / input.limitMs, 0), 1) : 0
  return Math.round(input.points * SPEED_SCALE * (1 - share / 2))
}

/** The most a participant can score in a session: what its max score is set to on joining. */
export function maxLiveScore(
  points: readonly number[],
  scoring: SessionOptions['scoring'],
): number {
  const total = points.reduce((sum, value) => sum + value, 0)
  return scoring === 'speed' ? total * SPEED_SCALE : total
}
