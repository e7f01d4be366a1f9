import type { SessionSource } from '@loopquiz/contract'
import {
  newQuestionDraft,
  type QuestionDraft,
  type QuestionErrors,
  type ValidationErrors,
  validateDrafts,
} from '@loopquiz/editor'
import { detectVideo } from './video-source'

export interface ManualDraft {
  videoUrl: string
  videoTitle: string
  startS: string
  endS: string
  questions: QuestionDraft[]
}

/** Where the session's questions come from, as picked in the modal. */
export interface SourceDraft {
  kind: 'loop' | 'manual'
  loopId: string | null
  manual: ManualDraft
}

export function emptySourceDraft(): SourceDraft {
  return {
    kind: 'loop',
    loopId: null,
    manual: {
      videoUrl: '',
      videoTitle: '',
      startS: '0',
      endS: '30',
      questions: [newQuestionDraft('single')],
    },
  }
}

/**
 * Field errors by name: "videoUrl", "source", "questions" for the list, or
 * "question.<key>.<field>" for one field of one question, so the form keeps one flat map.
 */
export type SourceErrors = Record<string, string>

const QUESTION_PREFIX = 'question.'

function flattenQuestionErrors(errors: ValidationErrors, into: SourceErrors) {
  for (const [key, fields] of Object.entries(errors.questions))
    for (const [field, message] of Object.entries(fields))
      if (message) into[`${QUESTION_PREFIX}${key}.${field}`] = message
  if (errors.list) into.questions = errors.list
}

/** The question editor's errors out of the form's flat map. */
export function questionErrorsOf(errors: SourceErrors): ValidationErrors {
  const questions: Record<string, QuestionErrors> = {}
  for (const [name, message] of Object.entries(errors)) {
    if (!name.startsWith(QUESTION_PREFIX)) continue
    const rest = name.slice(QUESTION_PREFIX.length)
    const dot = rest.lastIndexOf('.')
    const key = rest.slice(0, dot)
    const field = rest.slice(dot + 1) as keyof QuestionErrors
    questions[key] = { ...questions[key], [field]: message }
  }
  return { questions, ...(errors.questions ? { list: errors.questions } : {}) }
}

function parseSeconds(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null
  const seconds = Number(text)
  return seconds <= 86_400 ? seconds : null
}

/** The source to send, or the errors to show next to the fields at fault. */
export function toSessionSource(
  draft: SourceDraft,
): { source: SessionSource; errors: null } | { source: null; errors: SourceErrors } {
  if (draft.kind === 'loop') {
    if (draft.loopId) return { source: { kind: 'loop', loopId: draft.loopId }, errors: null }
    return { source: null, errors: { source: 'Pick one of your loops, or create one manually.' } }
  }
  const { manual } = draft
  const errors: SourceErrors = {}
  const video = detectVideo(manual.videoUrl)
  if (!video) errors.videoUrl = 'Enter the video’s web address, starting with https://'
  if (!manual.videoTitle.trim()) errors.videoTitle = 'Give the video a title.'
  const startS = parseSeconds(manual.startS)
  const endS = parseSeconds(manual.endS)
  if (startS === null) errors.startS = 'Enter a number of seconds.'
  if (endS === null) errors.endS = 'Enter a number of seconds.'
  else if (startS !== null && endS <= startS) errors.endS = 'The loop must end after it starts.'
  const questions = validateDrafts(manual.questions)
  if (questions.errors) flattenQuestionErrors(questions.errors, errors)
  if (manual.questions.length === 0) errors.questions = 'Add at least one question.'
  if (
    !video ||
    startS === null ||
    endS === null ||
    !questions.questions ||
    Object.keys(errors).length > 0
  ) {
    return { source: null, errors }
  }
  return {
    source: {
      kind: 'manual',
      loop: {
        videoUrl: manual.videoUrl.trim(),
        videoTitle: manual.videoTitle.trim(),
        provider: video.provider,
        ...(video.videoId ? { videoId: video.videoId } : {}),
        startS,
        endS,
      },
      questions: questions.questions,
    },
    errors: null,
  }
}
