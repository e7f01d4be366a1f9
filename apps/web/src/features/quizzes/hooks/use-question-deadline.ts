import type { PublicQuestion, QuestionOpening } from '@loopquiz/contract'
import { useEffect, useState } from 'react'
import { useOpenQuestion } from '../api/open-question'

/** A timed question's deadline on this device's clock, or why there is none yet. */
export type QuestionDeadline =
  | { status: 'untimed' }
  /** Waiting for the server to note the opening; the countdown has not started. */
  | { status: 'opening'; limitMs: number }
  | { status: 'running'; limitMs: number; deadlineMs: number }

/**
 * Opens a timed question on the server when it is shown and returns its deadline, moved onto
 * this device's clock by the offset the server's reply reveals. The server's first opening
 * stands, so a reload resumes the countdown (from `earlier`, the attempt's openings) instead
 * of restarting it. If the server cannot be reached, the countdown runs from now: the server
 * then counts the answer's arrival as the opening, so the taker loses nothing.
 */
export function useQuestionDeadline(
  attemptId: string,
  question: PublicQuestion,
  earlier: QuestionOpening | undefined,
): QuestionDeadline {
  const open = useOpenQuestion(attemptId)
  const [shownAt] = useState(Date.now)
  const { mutate } = open
  const isTimed = question.timeLimitS !== undefined

  useEffect(() => {
    if (isTimed) mutate(question.id)
  }, [isTimed, mutate, question.id])

  if (question.timeLimitS === undefined) return { status: 'untimed' }
  const limitMs = question.timeLimitS * 1_000
  if (open.data?.opening.deadline) {
    return {
      status: 'running',
      limitMs,
      deadlineMs: Date.parse(open.data.opening.deadline) - open.data.clockOffsetMs,
    }
  }
  // Until the reply comes, an earlier opening is the best guess (on an uncorrected clock).
  if (earlier?.deadline)
    return { status: 'running', limitMs, deadlineMs: Date.parse(earlier.deadline) }
  if (open.isError) return { status: 'running', limitMs, deadlineMs: shownAt + limitMs }
  return { status: 'opening', limitMs }
}
