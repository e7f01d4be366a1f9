import { type Option, type PublicQuestion, shuffledFor, shuffleSeed } from '@loopquiz/contract'

/** One answer a participant can pick: what it sends and what it says. */
export interface AnswerChoice {
  value: string | boolean
  label: string
}

/** One participant's own order of a question's options: the same in live and self-paced play. */
export function shuffledOptions(
  options: readonly Option[],
  { sessionId, userId, questionId }: { sessionId: string; userId: string; questionId: string },
): Option[] {
  return shuffledFor(options, shuffleSeed(sessionId, userId, `options:${questionId}`))
}

/**
 * The choices of a question in the order this participant sees them: their own shuffled order
 * when the session shuffles options (the same on every device and reload; answers still name
 * option ids), else the author's. True/false keeps True first.
 */
export function choicesFor(
  question: PublicQuestion,
  { sessionId, userId, shuffle }: { sessionId: string; userId: string; shuffle: boolean },
): AnswerChoice[] {
  if (question.type === 'true_false') {
    return [
      { value: true, label: 'True' },
      { value: false, label: 'False' },
    ]
  }
  const options: Option[] = question.options ?? []
  const ordered = shuffle
    ? shuffledOptions(options, { sessionId, userId, questionId: question.id })
    : options
  return ordered.map((option) => ({ value: option.id, label: option.text }))
}

/** The key of a choice in the reveal's distribution: option id, or 'true'/'false'. */
export const distributionKey = (value: string | boolean) => String(value)
