import type { QuestionInput, SessionSource } from '@loopquiz/contract'
import { randomId } from '../../../lib/random-id'
import { detectVideo } from './video-source'

export type DraftQuestionType = 'single' | 'multiple' | 'true_false'

export interface DraftOption {
  /** Also the option id sent to the server: short, unique within the question. */
  id: string
  text: string
}

/** A question as edited in the schedule modal; `key` keeps rows stable while editing. */
export interface DraftQuestion {
  key: string
  type: DraftQuestionType
  prompt: string
  options: DraftOption[]
  /** Ids of the correct options (one for single choice). */
  correctIds: string[]
  isTrue: boolean
}

export interface ManualDraft {
  videoUrl: string
  videoTitle: string
  startS: string
  endS: string
  questions: DraftQuestion[]
}

/** Where the session's questions come from, as picked in the modal. */
export interface SourceDraft {
  kind: 'loop' | 'manual'
  loopId: string | null
  manual: ManualDraft
}

let optionCounter = 0
export function newOption(text = ''): DraftOption {
  optionCounter += 1
  return { id: `o${Date.now().toString(36)}${optionCounter}`, text }
}

export function newQuestion(type: DraftQuestionType = 'single'): DraftQuestion {
  return {
    key: randomId(),
    type,
    prompt: '',
    options: [newOption(), newOption()],
    correctIds: [],
    isTrue: true,
  }
}

export function emptySourceDraft(): SourceDraft {
  return {
    kind: 'loop',
    loopId: null,
    manual: { videoUrl: '', videoTitle: '', startS: '0', endS: '30', questions: [newQuestion()] },
  }
}

/** Field errors by name: "videoUrl", "source", or "question.<key>" for one question. */
export type SourceErrors = Record<string, string>

function parseSeconds(text: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(text.trim())) return null
  const seconds = Number(text)
  return seconds <= 86_400 ? seconds : null
}

function questionProblem(question: DraftQuestion): string | null {
  if (!question.prompt.trim()) return 'Write the question.'
  if (question.type === 'true_false') return null
  const filled = question.options.filter((option) => option.text.trim())
  if (filled.length < 2) return 'Give at least two options.'
  const correct = question.correctIds.filter((id) => filled.some((option) => option.id === id))
  if (correct.length === 0) return 'Mark the correct option.'
  return null
}

/** Every question typed here is worth one point, as in the extension's editor. */
function toQuestionInput(question: DraftQuestion): QuestionInput {
  const prompt = question.prompt.trim()
  if (question.type === 'true_false')
    return { type: 'true_false', prompt, points: 1, correct: question.isTrue }
  const options = question.options
    .filter((option) => option.text.trim())
    .map((option) => ({ id: option.id, text: option.text.trim() }))
  const correct = question.correctIds.filter((id) => options.some((option) => option.id === id))
  if (question.type === 'single')
    return { type: 'single', prompt, points: 1, options, correct: correct[0] ?? '' }
  return { type: 'multiple', prompt, points: 1, options, correct }
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
  if (manual.questions.length === 0) errors.questions = 'Add at least one question.'
  for (const question of manual.questions) {
    const problem = questionProblem(question)
    if (problem) errors[`question.${question.key}`] = problem
  }
  if (!video || startS === null || endS === null || Object.keys(errors).length > 0) {
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
      questions: manual.questions.map(toQuestionInput),
    },
    errors: null,
  }
}
