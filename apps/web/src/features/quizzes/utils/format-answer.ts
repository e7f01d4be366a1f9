import type { AnswerValue, CorrectAnswer, Option, QuestionType } from '@loopquiz/contract'

interface AnswerContext {
  type: QuestionType
  options?: Option[]
}

function optionText(id: string, options: Option[] | undefined): string {
  return options?.find((option) => option.id === id)?.text ?? id
}

/**
 * An answer as words: option ids become their text, booleans True/False, lists joined.
 * Accepted short-text answers are alternatives, so they are joined with "or".
 */
export function formatAnswer(
  value: AnswerValue | CorrectAnswer | null | undefined,
  question: AnswerContext,
): string {
  if (value === null || value === undefined) return 'No answer'
  if (typeof value === 'boolean') return value ? 'True' : 'False'
  if (Array.isArray(value)) {
    if (value.length === 0) return 'No answer'
    if (question.type === 'short_text') return value.join(' or ')
    return value.map((id) => optionText(id, question.options)).join(', ')
  }
  if (question.type === 'single' || question.type === 'multiple') {
    return optionText(value, question.options)
  }
  return value
}

/** Whether an option is part of an answer (single: the id; multiple: one of the ids). */
export function answerIncludes(value: AnswerValue | CorrectAnswer | undefined, optionId: string) {
  if (Array.isArray(value)) return value.includes(optionId)
  return value === optionId
}
