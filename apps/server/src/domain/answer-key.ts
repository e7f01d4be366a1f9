import type { AnswerKeyStatus, ShowAnswersPolicy } from '@loopquiz/contract'

/** What decides whether a taker may see the key (correct answer and explanation) of one question. */
export interface AnswerKeyInput {
  policy: ShowAnswersPolicy
  /** The taker has answered this question in this attempt. */
  answered: boolean
  attemptFinished: boolean
  /** The attempt is a member's run through a group session. */
  inSession: boolean
  /** The session takes no more answers from anyone; meaningless outside a session. */
  sessionClosed: boolean
}

/**
 * Whether the key of a question is shown, or why not. A key never reaches anyone who could
 * still use it: the taker before answering the question, a later attempt through an earlier
 * one's review, or a group member while others in the session are still answering.
 */
export function answerKeyStatus({
  policy,
  answered,
  attemptFinished,
  inSession,
  sessionClosed,
}: AnswerKeyInput): AnswerKeyStatus {
  if (policy === 'never') return 'never'
  if (answered) {
    if (policy === 'after_each_answer' || attemptFinished) return 'shown'
    return 'on_finish'
  }
  // A skipped question's key is only ever part of a finished attempt's review.
  if (!attemptFinished) return policy === 'after_finishing' ? 'on_finish' : 'answered_only'
  if (inSession) return sessionClosed ? 'shown' : 'on_session_end'
  return policy === 'after_finishing' ? 'shown' : 'answered_only'
}
