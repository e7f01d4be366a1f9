import { isDeepStrictEqual } from 'node:util'
import type {
  LoopSnapshot,
  QuestionInput,
  QuestionSetSummary,
  QuestionStatList,
  ShareAttempt,
  ShareAttemptList,
} from '@loopquiz/contract'
import type { AuthUser } from '../../auth/auth.ts'
import { AppError } from '../../lib/app-error.ts'
import { attemptsCsv, slugOf } from './attempts-csv.ts'
import type { QuestionSetRow, QuizzesRepository } from './quizzes.repository.ts'
import type { AttemptWithCorrectCount, SharesRepository } from './shares.repository.ts'

/** At most this many attempts are listed on the page; the CSV has them all (up to its own cap). */
export const attemptListLimit = 200
const csvAttemptLimit = 10_000

export interface ShareManagementDeps {
  quizzes: QuizzesRepository
  shares: SharesRepository
  shareUrlOf: (token: string) => string
  now: () => Date
}

/** A question set as its author lists it. */
export function toQuestionSetSummary(
  set: QuestionSetRow,
  attemptCount: number,
  shareUrl: string,
): QuestionSetSummary {
  return {
    token: set.token,
    title: set.title,
    shareUrl,
    videoTitle: set.loopData.videoTitle,
    questionCount: set.questions.length,
    visibility: set.visibility,
    showAnswers: set.showAnswers,
    expiresAt: set.expiresAt?.toISOString() ?? null,
    createdAt: set.createdAt.toISOString(),
    attemptCount,
    maxAttempts: set.maxAttempts,
    disabledAt: set.disabledAt?.toISOString() ?? null,
    isSessionCopy: set.groupId !== null,
  }
}

/** What a new share would hold: compared with live shares of the same loop to offer one again. */
export interface ShareCandidate {
  title: string
  loopData: LoopSnapshot
  questions: readonly QuestionInput[]
  visibility: QuestionSetRow['visibility']
  showAnswers: QuestionSetRow['showAnswers']
  maxAttempts: number | null
}

// Stored as jsonb, which keeps neither key order nor undefined fields: compare plain JSON.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value))

function withoutId({ id: _id, ...rest }: { id?: string }) {
  return rest
}

/** Whether a stored set holds exactly what the candidate would (ids it left to the server aside). */
export function isSameShare(set: QuestionSetRow, candidate: ShareCandidate): boolean {
  if (
    set.title !== candidate.title ||
    set.visibility !== candidate.visibility ||
    set.showAnswers !== candidate.showAnswers ||
    set.maxAttempts !== candidate.maxAttempts ||
    set.questions.length !== candidate.questions.length ||
    !isDeepStrictEqual(plain(set.loopData), plain(candidate.loopData))
  ) {
    return false
  }
  return candidate.questions.every((input, index) => {
    const stored = set.questions[index]
    if (!stored || (input.id !== undefined && input.id !== stored.id)) return false
    return isDeepStrictEqual(plain(withoutId(stored)), plain(withoutId(input)))
  })
}

function toShareAttempt(
  { attempt, correctCount }: AttemptWithCorrectCount,
  questionCount: number,
): ShareAttempt {
  const { finishedAt, startedAt } = attempt
  return {
    displayName: attempt.displayName,
    kind: attempt.userId === null ? 'guest' : 'account',
    status: attempt.status,
    score: attempt.score,
    maxScore: attempt.maxScore,
    correctCount,
    questionCount,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
    durationSeconds:
      finishedAt === null ? null : Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
  }
}

/** The author's side of a share: its settings, its off switch, and who took it. */
export function createShareManagement({ quizzes, shares, shareUrlOf, now }: ShareManagementDeps) {
  /** The caller's own question set; anyone else's is reported missing, never forbidden. */
  async function getOwnedSet(owner: AuthUser, token: string): Promise<QuestionSetRow> {
    const found = await quizzes.findQuestionSetByToken(token)
    if (!found || found.set.ownerId !== owner.id) {
      throw new AppError('SHARE_NOT_FOUND', { message: 'You have shared no quiz at this link.' })
    }
    return found.set
  }

  async function summaryOf(set: QuestionSetRow) {
    return toQuestionSetSummary(set, await shares.countAttempts(set.id), shareUrlOf(set.token))
  }

  return {
    async getMine(owner: AuthUser, token: string): Promise<QuestionSetSummary> {
      return summaryOf(await getOwnedSet(owner, token))
    },

    async setStatus(owner: AuthUser, token: string, enabled: boolean) {
      const set = await getOwnedSet(owner, token)
      if (set.groupId !== null) {
        throw new AppError('SHARE_IS_SESSION_COPY', {
          message:
            'This is the copy a group session took: it opens and closes with its session. Cancel the session instead.',
        })
      }
      // Turning off an already-off link keeps the time it was first turned off.
      const disabledAt = enabled ? null : (set.disabledAt ?? now())
      const saved = await shares.setDisabledAt(set.id, disabledAt)
      return summaryOf(saved ?? set)
    },

    async findAttempts(owner: AuthUser, token: string): Promise<ShareAttemptList> {
      const set = await getOwnedSet(owner, token)
      const [rows, total] = await Promise.all([
        shares.findAttemptsOfSet(set.id, attemptListLimit),
        shares.countAttempts(set.id),
      ])
      return {
        items: rows.map((row) => toShareAttempt(row, set.questions.length)),
        total,
        limit: attemptListLimit,
      }
    },

    async findStats(owner: AuthUser, token: string): Promise<QuestionStatList> {
      const set = await getOwnedSet(owner, token)
      const tallies = new Map(
        (await shares.findAnswerTallies(set.id)).map((row) => [row.questionId, row]),
      )
      return {
        items: set.questions.map((question, index) => {
          const tally = tallies.get(question.id)
          const answeredCount = tally?.answeredCount ?? 0
          const correctCount = tally?.correctCount ?? 0
          return {
            questionId: question.id,
            position: index + 1,
            prompt: question.prompt,
            answeredCount,
            correctCount,
            correctRate: answeredCount === 0 ? null : correctCount / answeredCount,
          }
        }),
      }
    },

    /** The CSV of every attempt (newest first) and the file name to save it under. */
    async attemptsCsv(owner: AuthUser, token: string) {
      const set = await getOwnedSet(owner, token)
      const rows = await shares.findAttemptsOfSet(set.id, csvAttemptLimit)
      return {
        fileName: `${slugOf(set.title)}-attempts.csv`,
        csv: attemptsCsv(rows.map((row) => toShareAttempt(row, set.questions.length))),
      }
    },
  }
}
