import type { AnswerKeyStatus, ShowAnswersPolicy } from '@loopquiz/contract'

/** The policies as an author chooses among them, in plain words. */
export const showAnswersChoices: {
  value: ShowAnswersPolicy
  label: string
  description: string
}[] = [
  {
    value: 'after_each_answer',
    label: 'After each answer',
    description:
      'Takers see the correct answer and explanation of a question once they have answered it. Questions they skip stay hidden.',
  },
  {
    value: 'after_finishing',
    label: 'When they finish',
    description:
      'While taking the quiz, takers only see whether they were right. When they finish, they see every correct answer, skipped questions included.',
  },
  {
    value: 'never',
    label: 'Never',
    description:
      'Takers see whether they were right and their score, never the correct answers or explanations.',
  },
]

/** Short, for a badge in the author's list. */
export const showAnswersBadge: Record<ShowAnswersPolicy, string> = {
  after_each_answer: 'Answers after each question',
  after_finishing: 'Answers at the end',
  never: 'Answers never shown',
}

/** For the taker, before starting. */
export const showAnswersNotice: Record<ShowAnswersPolicy, string> = {
  after_each_answer: 'You see the correct answer after each of your answers.',
  after_finishing: 'You see the correct answers when you finish.',
  never: 'The author does not show the correct answers, only whether you were right.',
}

/** Why the correct answer of a question is not shown. */
export const keyWithheldReason: Record<Exclude<AnswerKeyStatus, 'shown'>, string> = {
  answered_only: 'Shown only for questions you answered',
  on_finish: 'Shown when you finish',
  on_session_end: 'Answers are shown when the session ends',
  never: 'The author does not show answers',
}
