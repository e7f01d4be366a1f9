import {
  type Question,
  type QuestionInput,
  type QuestionType,
  questionInputSchema,
} from '@loopquiz/contract'

/** One choice of a choice question while it is edited; `id` is also the option id sent. */
export interface OptionDraft {
  id: string
  text: string
}

/**
 * A question as it is being edited, for all four types at once: switching the type keeps
 * what was typed for the others. Number fields hold `null` when what was typed is not a
 * number (so the error can be shown) and stay JSON-safe for drafts kept in storage.
 */
export interface QuestionDraft {
  /** Stable while editing (list keys, error keys, focus); never sent. */
  key: string
  /** The stored question's id, kept so answers and results stay attached to it. */
  id?: string
  type: QuestionType
  prompt: string
  /** Choices of a single- or multiple-choice question. */
  options: OptionDraft[]
  /** Ids of the correct options (one for single choice). */
  correctIds: string[]
  /** The correct answer of a true or false question. */
  isTrue: boolean
  /** Accepted answers of a short text question. */
  acceptedAnswers: string[]
  explanation: string
  points: number | null
  /** Seconds to answer; undefined for no limit. */
  timeLimitS?: number | null
  /** The moment in the video the question is about, in seconds; undefined for none. */
  atS?: number | null
}

/** Messages to show next to a question's fields, by field name. */
export type QuestionErrors = Partial<Record<QuestionField, string>>
export type QuestionField =
  | 'prompt'
  | 'options'
  | 'correct'
  | 'explanation'
  | 'points'
  | 'timeLimitS'
  | 'atS'

/** What `validateDrafts` found wrong: by draft key, and about the list as a whole. */
export interface ValidationErrors {
  questions: Record<string, QuestionErrors>
  list?: string
}

export const DEFAULT_MAX_QUESTIONS = 50
export const MAX_OPTIONS = 10
export const MAX_ACCEPTED_ANSWERS = 20

// Keys and option ids only need to be unique within one editor; getRandomValues works in
// insecure contexts (a plain-http LAN address) where crypto.randomUUID does not exist.
function randomToken(length: number): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('')
}

export function newDraftKey(): string {
  return `q${randomToken(12)}`
}

export function newOptionDraft(text = ''): OptionDraft {
  return { id: `o${randomToken(8)}`, text }
}

/** An empty question of the given type, worth one point. */
export function newQuestionDraft(type: QuestionType = 'single'): QuestionDraft {
  return {
    key: newDraftKey(),
    type,
    prompt: '',
    options: [newOptionDraft(), newOptionDraft()],
    correctIds: [],
    isTrue: true,
    acceptedAnswers: [''],
    explanation: '',
    points: 1,
  }
}

function draftFromQuestion(question: Question | QuestionInput): QuestionDraft {
  const draft: QuestionDraft = {
    ...newQuestionDraft(question.type),
    prompt: question.prompt,
    explanation: question.explanation ?? '',
    points: question.points,
  }
  if (question.id !== undefined) draft.id = question.id
  if (question.timeLimitS !== undefined) draft.timeLimitS = question.timeLimitS
  if (question.atS !== undefined) draft.atS = question.atS
  switch (question.type) {
    case 'single':
      return {
        ...draft,
        options: question.options.map((o) => ({ ...o })),
        correctIds: [question.correct],
      }
    case 'multiple':
      return {
        ...draft,
        options: question.options.map((o) => ({ ...o })),
        correctIds: [...question.correct],
      }
    case 'true_false':
      return { ...draft, isTrue: question.correct }
    case 'short_text':
      return { ...draft, acceptedAnswers: [...question.correct] }
  }
}

/** Drafts to edit stored or generated questions. */
export function draftsFromQuestions(
  questions: readonly (Question | QuestionInput)[],
): QuestionDraft[] {
  return questions.map(draftFromQuestion)
}

/** Changes a draft's type, keeping what fits: a single-choice question keeps one correct option. */
export function withType(draft: QuestionDraft, type: QuestionType): QuestionDraft {
  return {
    ...draft,
    type,
    correctIds: type === 'single' ? draft.correctIds.slice(0, 1) : draft.correctIds,
  }
}

// What is sent: blank options and answers are left out rather than reported, as an author
// leaves a spare row empty. Invalid numbers go in as NaN so the schema names the field.
function toQuestionInput(draft: QuestionDraft): unknown {
  const common = {
    ...(draft.id ? { id: draft.id } : {}),
    prompt: draft.prompt.trim(),
    ...(draft.explanation.trim() ? { explanation: draft.explanation.trim() } : {}),
    points: draft.points ?? Number.NaN,
    ...(draft.timeLimitS !== undefined ? { timeLimitS: draft.timeLimitS ?? Number.NaN } : {}),
    ...(draft.atS !== undefined ? { atS: draft.atS ?? Number.NaN } : {}),
  }
  const options = draft.options
    .map((option) => ({ id: option.id, text: option.text.trim() }))
    .filter((option) => option.text)
  const correctIds = draft.correctIds.filter((id) => options.some((option) => option.id === id))
  switch (draft.type) {
    case 'single':
      return { ...common, type: 'single', options, correct: correctIds[0] ?? '' }
    case 'multiple':
      return { ...common, type: 'multiple', options, correct: correctIds }
    case 'true_false':
      return { ...common, type: 'true_false', correct: draft.isTrue }
    case 'short_text':
      return {
        ...common,
        type: 'short_text',
        correct: draft.acceptedAnswers.map((answer) => answer.trim()).filter(Boolean),
      }
  }
}

interface Issue {
  code: string
  path: readonly PropertyKey[]
}

function messageFor(draft: QuestionDraft, issue: Issue): [QuestionField, string] | null {
  const [field, index] = issue.path
  const isTooBig = issue.code === 'too_big'
  switch (field) {
    case 'prompt':
      return ['prompt', isTooBig ? 'Keep the question to 1000 characters.' : 'Write the question.']
    case 'explanation':
      return ['explanation', 'Keep the explanation to 2000 characters.']
    case 'points':
      return ['points', 'Give a whole number of points from 0 to 100.']
    case 'timeLimitS':
      return [
        'timeLimitS',
        'Give a whole number of seconds from 5 to 3600, or leave it empty for no limit.',
      ]
    case 'atS':
      return ['atS', 'Type a time in the video like 1:15.3 (up to 24 hours), or leave it empty.']
    case 'options':
      if (index !== undefined) return ['options', 'Keep each option to 500 characters.']
      if (isTooBig) return ['options', `Give at most ${MAX_OPTIONS} options.`]
      return ['options', 'Give at least two options.']
    case 'correct':
      if (draft.type === 'short_text') {
        if (index !== undefined) return ['correct', 'Keep each accepted answer to 200 characters.']
        if (isTooBig) return ['correct', `Give at most ${MAX_ACCEPTED_ANSWERS} accepted answers.`]
        return ['correct', 'Add at least one accepted answer.']
      }
      if (draft.type === 'multiple') return ['correct', 'Mark at least one correct option.']
      return ['correct', 'Mark the correct option.']
    default:
      return null
  }
}

/**
 * The questions to send, each checked with the contract's schema, or friendly messages by
 * draft key and field. An empty list is valid (a loop may have no questions yet).
 */
export function validateDrafts(
  drafts: readonly QuestionDraft[],
  options: { maxQuestions?: number } = {},
): { questions: QuestionInput[]; errors: null } | { questions: null; errors: ValidationErrors } {
  const maxQuestions = options.maxQuestions ?? DEFAULT_MAX_QUESTIONS
  const errors: ValidationErrors = { questions: {} }
  if (drafts.length > maxQuestions) errors.list = `Keep it to ${maxQuestions} questions.`
  const questions: QuestionInput[] = []
  for (const draft of drafts) {
    const result = questionInputSchema.safeParse(toQuestionInput(draft))
    if (result.success) {
      questions.push(result.data)
      continue
    }
    const fields: QuestionErrors = {}
    for (const issue of result.error.issues) {
      const found = messageFor(draft, issue)
      // The first problem of a field is the one to fix first.
      if (found && !fields[found[0]]) fields[found[0]] = found[1]
    }
    if (Object.keys(fields).length === 0) fields.prompt = 'Check this question.'
    errors.questions[draft.key] = fields
  }
  if (errors.list || Object.keys(errors.questions).length > 0) return { questions: null, errors }
  return { questions, errors: null }
}

/** The list with the draft at `from` moved to `to` (indexes of the list as it is). */
export function moveDraft<T>(drafts: readonly T[], from: number, to: number): T[] {
  const next = [...drafts]
  if (from < 0 || from >= next.length) return next
  const [moved] = next.splice(from, 1)
  next.splice(Math.max(0, Math.min(to, next.length)), 0, moved as T)
  return next
}

/** Where a dragged draft lands when dropped before or after another one. */
export function dropIndex(from: number, target: number, position: 'before' | 'after'): number {
  const index = position === 'before' ? target : target + 1
  // Taking the dragged one out first shifts everything after it by one.
  return from < index ? index - 1 : index
}
