import {
  type CreateLoopBody,
  createLoopBodySchema,
  type Loop,
  type QuestionInput,
  type VideoProvider,
} from '@loopquiz/contract'
import {
  draftsFromQuestions,
  type QuestionDraft,
  type ValidationErrors,
  validateDrafts,
} from '@loopquiz/editor'

/** What the editor holds for one loop while it is written, saved or not. */
export interface LoopDraft {
  /** Sent as the new loop's clientId: a create retried after a reload updates, not duplicates. */
  clientId: string
  videoUrl: string
  /** A WebVTT file to read captions from; kept in this browser only (loops have no field for it). */
  captionsUrl: string
  videoTitle: string
  startS: number | null
  endS: number | null
  transcript: string
  questions: QuestionDraft[]
}

/** The video a pasted link plays: YouTube (with its id) or an HTML5 file; null if not a link. */
export type DetectVideo = (url: string) => { provider: VideoProvider; videoId?: string } | null

export function emptyLoopDraft(clientId: string): LoopDraft {
  return {
    clientId,
    videoUrl: '',
    captionsUrl: '',
    videoTitle: '',
    startS: null,
    endS: null,
    transcript: '',
    questions: [],
  }
}

export function loopDraftFromLoop(loop: Loop, captionsUrl = ''): LoopDraft {
  return {
    clientId: loop.clientId,
    videoUrl: loop.videoUrl,
    captionsUrl,
    videoTitle: loop.videoTitle,
    startS: loop.startS,
    endS: loop.endS,
    transcript: loop.transcript ?? '',
    questions: draftsFromQuestions(loop.questions),
  }
}

/** The loop's own fields, as createLoop and updateLoop take them. */
export type LoopFields = Omit<CreateLoopBody, 'clientId' | 'questions' | 'vocabulary'>

/**
 * What a save would send. `incomplete` names what the loop still needs before it can be
 * saved at all. Otherwise `questions` holds the questions that validate (undefined when the
 * list as a whole does not, so the saved ones stay as they are) and `pendingQuestions` counts
 * those kept back in the draft until they do.
 */
export type SavePlan =
  | { kind: 'incomplete'; missing: string }
  | {
      kind: 'ready'
      fields: LoopFields
      questions: QuestionInput[] | undefined
      pendingQuestions: number
    }

function missingOf(draft: LoopDraft, detectVideo: DetectVideo): string | null {
  if (!draft.videoUrl.trim()) return 'Paste a video link.'
  if (!detectVideo(draft.videoUrl)) return 'The video link must start with http:// or https://.'
  if (!draft.videoTitle.trim()) return 'Give the loop a title.'
  if (draft.startS === null || draft.endS === null) return 'Set where the loop starts and ends.'
  if (draft.endS <= draft.startS) return 'The loop must end after it starts.'
  return null
}

/** What saving `draft` now would send, or what it still lacks. */
export function planSave(draft: LoopDraft, detectVideo: DetectVideo): SavePlan {
  const missing = missingOf(draft, detectVideo)
  const video = detectVideo(draft.videoUrl)
  if (missing || !video || draft.startS === null || draft.endS === null) {
    return { kind: 'incomplete', missing: missing ?? 'Set where the loop starts and ends.' }
  }
  const fields: LoopFields = {
    videoUrl: draft.videoUrl.trim(),
    videoTitle: draft.videoTitle.trim(),
    provider: video.provider,
    ...(video.videoId ? { videoId: video.videoId } : {}),
    startS: draft.startS,
    endS: draft.endS,
    transcript: draft.transcript,
  }
  // The schema is the server's: anything it refuses (a 3000-character link, a transcript
  // past 50,000 characters) is reported here instead of failing every save.
  const checked = createLoopBodySchema.safeParse({ ...fields, questions: [] })
  if (!checked.success) {
    const field = checked.error.issues[0]?.path[0]
    return { kind: 'incomplete', missing: problemOf(field) }
  }

  const all = validateDrafts(draft.questions)
  if (all.errors === null)
    return { kind: 'ready', fields, questions: all.questions, pendingQuestions: 0 }
  const pending = new Set(Object.keys(all.errors.questions))
  const valid = validateDrafts(draft.questions.filter((question) => !pending.has(question.key)))
  return {
    kind: 'ready',
    fields,
    questions: valid.errors === null ? valid.questions : undefined,
    pendingQuestions: valid.errors === null ? pending.size : draft.questions.length,
  }
}

function problemOf(field: PropertyKey | undefined): string {
  switch (field) {
    case 'videoUrl':
      return 'Use a video link of at most 2048 characters.'
    case 'videoTitle':
      return 'Keep the title to 300 characters.'
    case 'transcript':
      return 'Keep the transcript to 50,000 characters.'
    case 'startS':
    case 'endS':
      return 'Keep the loop within the first 24 hours of the video.'
    default:
      return 'Check the loop’s fields.'
  }
}

/** The errors to show next to questions: every draft that does not validate yet. */
export function questionErrorsOf(draft: LoopDraft): ValidationErrors | undefined {
  return validateDrafts(draft.questions).errors ?? undefined
}

// Drafts come back from storage written by an older build or edited by hand: the loop's own
// fields are checked, the questions only for being objects with a key (the editor's shape).
function isStoredDraft(value: unknown): value is LoopDraft {
  if (typeof value !== 'object' || value === null) return false
  const draft = value as Record<keyof LoopDraft, unknown>
  const isTime = (time: unknown) => time === null || typeof time === 'number'
  return (
    typeof draft.clientId === 'string' &&
    draft.clientId.length > 0 &&
    typeof draft.videoUrl === 'string' &&
    typeof draft.captionsUrl === 'string' &&
    typeof draft.videoTitle === 'string' &&
    isTime(draft.startS) &&
    isTime(draft.endS) &&
    typeof draft.transcript === 'string' &&
    Array.isArray(draft.questions) &&
    draft.questions.every(
      (question: unknown) =>
        typeof question === 'object' &&
        question !== null &&
        typeof (question as { key?: unknown }).key === 'string',
    )
  )
}

/** A draft read back from storage; null when there is none or it is not one. */
export function parseStoredDraft(text: string | null): LoopDraft | null {
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    return isStoredDraft(value) ? value : null
  } catch {
    return null
  }
}

/** Where a user's unsaved draft of a loop (or of a new one) is kept in this browser. */
export function draftStorageKey(userId: string, loopId: string | null): string {
  return `loopquiz:loop-draft:${userId}:${loopId ?? 'new'}`
}

/** Where the captions link of a saved loop is kept: loops have no field for it. */
export function captionsStorageKey(userId: string, loopId: string): string {
  return `loopquiz:loop-captions:${userId}:${loopId}`
}
