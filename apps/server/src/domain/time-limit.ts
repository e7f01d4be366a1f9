/**
 * How late an answer to a timed question may reach the server and still count: the taker's
 * last click travels over a network, and the countdown they saw ran on their own clock.
 */
export const ANSWER_GRACE_MS = 2_000

/** When the time to answer a question runs out, or null when it has no limit. */
export function deadlineOf(timeLimitS: number | undefined, openedAt: Date): Date | null {
  return timeLimitS === undefined ? null : new Date(openedAt.getTime() + timeLimitS * 1_000)
}

export interface AnswerTimeInput {
  /** The question's limit in seconds; undefined for no limit. */
  timeLimitS: number | undefined
  /** When the server first showed the question to this attempt; null if it never did. */
  openedAt: Date | null
  now: Date
  graceMs?: number
}

export interface AnswerTimeVerdict {
  isAccepted: boolean
  /** The deadline shown to the taker (without the grace); null when the question has no limit. */
  deadline: Date | null
}

/**
 * Whether an answer arriving `now` counts. A question never opened counts as opened now:
 * the caller records that opening, so the clock starts once and for all.
 */
export function checkAnswerTime({
  timeLimitS,
  openedAt,
  now,
  graceMs = ANSWER_GRACE_MS,
}: AnswerTimeInput): AnswerTimeVerdict {
  const deadline = deadlineOf(timeLimitS, openedAt ?? now)
  if (deadline === null) return { isAccepted: true, deadline: null }
  return { isAccepted: now.getTime() <= deadline.getTime() + graceMs, deadline }
}
