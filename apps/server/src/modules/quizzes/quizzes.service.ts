import type {
  AnswerResult,
  Attempt,
  AttemptResult,
  AttemptSummary,
  CreateShareBody,
  CreateShareResponse,
  OpenQuestionResponse,
  PageQuery,
  PublicQuestionSet,
  Question,
  QuestionOpening,
  QuestionSetSummary,
  ReviewItem,
  SessionOptions,
  ShowAnswersPolicy,
  StartAttemptBody,
  SubmitAnswerBody,
} from '@loopquiz/contract'
import type { AuthUser } from '../../auth/auth.ts'
import { answerKeyStatus } from '../../domain/answer-key.ts'
import {
  assignQuestionIds,
  correctAnswerOf,
  gradeAnswer,
  toPublicQuestion,
  totalPoints,
} from '../../domain/grading.ts'
import { AppError } from '../../lib/app-error.ts'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { newSecretToken, newShortId } from '../../lib/tokens.ts'
import type { LoopsRepository } from '../loops/loops.repository.ts'
import { toLoopSnapshot } from '../loops/loops.service.ts'
import type { QuestionOpeningsRepository } from './question-openings.repository.ts'
import { createQuestionTiming } from './question-timing.ts'
import type {
  AnswerRow,
  AttemptRow,
  QuestionSetRow,
  QuizzesRepository,
} from './quizzes.repository.ts'
import { createShareManagement, isSameShare, toQuestionSetSummary } from './share-management.ts'
import type { SharesRepository } from './shares.repository.ts'

/** What the quiz flow asks of group sessions, for attempts taken inside one. */
export interface SessionGate {
  isGroupMember(groupId: string, userId: string): Promise<boolean>
  /** Throws when the session takes no answers (not started, or over); notes the member was seen. Membership is checked by assertMember. */
  assertOpenForAnswers(sessionId: string, userId: string): Promise<void>
  recordFinished(sessionId: string, userId: string): Promise<void>
  /** True once the session takes no more answers from anyone: the key to skipped questions may show. */
  isClosed(sessionId: string): Promise<boolean>
  /** Throws when the user left the group: their session attempt is closed to them. */
  assertMember(sessionId: string, userId: string): Promise<void>
  /**
   * For a live session: the window of the question being played, if `questionId` is it and it
   * still takes answers at `at`; throws QUESTION_LOCKED otherwise. Null for a session that is not
   * live (its answers follow the question's own time limit).
   */
  liveAnswerWindow(
    sessionId: string,
    questionId: string,
    at: Date,
  ): Promise<LiveAnswerWindow | null>
}

/** The question a live session plays now, as its answers are scored (domain/live-scoring.ts). */
export interface LiveAnswerWindow {
  /** When it stops taking answers; pauses push it later. */
  deadline: Date
  /** How long it is open in all, pauses excluded: elapsed = limitMs − (deadline − answeredAt). */
  limitMs: number
  scoring: SessionOptions['scoring']
}

export interface QuizzesServiceDeps {
  quizzes: QuizzesRepository
  shares: SharesRepository
  openings: QuestionOpeningsRepository
  loops: LoopsRepository
  sessionGate: SessionGate
  publicUrl: string
  now?: () => Date
}

type Viewer = Pick<AuthUser, 'id' | 'name'> | null

/** What the answer-key rule needs to know of an attempt, beyond the question. */
interface KeyContext {
  policy: ShowAnswersPolicy
  attemptFinished: boolean
  inSession: boolean
  sessionClosed: boolean
}

export function createQuizzesService({
  quizzes,
  shares,
  openings,
  loops,
  sessionGate,
  publicUrl,
  now = () => new Date(),
}: QuizzesServiceDeps) {
  const shareUrlOf = (token: string) => `${publicUrl}/questions/${token}`
  const timing = createQuestionTiming({ openings, now })

  function isExpired(set: QuestionSetRow): boolean {
    return set.expiresAt !== null && set.expiresAt.getTime() <= now().getTime()
  }

  /** A question set the viewer may take, or the reason they may not. */
  function assertOpenTo(set: QuestionSetRow, viewer: Viewer) {
    if (set.disabledAt !== null) {
      throw new AppError('SHARE_DISABLED', {
        message: 'This quiz link was turned off by its author.',
      })
    }
    if (isExpired(set)) {
      throw new AppError('SHARE_EXPIRED', {
        message: `This quiz link expired on ${set.expiresAt?.toISOString()}. Ask its author for a new one.`,
      })
    }
    if (set.visibility === 'signed_in' && !viewer) {
      throw new AppError('SHARE_REQUIRES_SIGN_IN', {
        message: 'This quiz is shared with signed-in users only. Sign in to take it.',
      })
    }
  }

  async function getOpenSet(token: string, viewer: Viewer) {
    const found = await quizzes.findQuestionSetByToken(token)
    if (!found) {
      throw new AppError('SHARE_NOT_FOUND', {
        message: 'There is no quiz at this link. Check that you copied the whole link.',
      })
    }
    assertOpenTo(found.set, viewer)
    const { groupId } = found.set
    // A group session's copy is for that group's members only; to others it does not exist.
    if (groupId !== null && !(viewer && (await sessionGate.isGroupMember(groupId, viewer.id)))) {
      throw new AppError('SHARE_NOT_FOUND', { message: 'There is no quiz at this link.' })
    }
    return found
  }

  /** An attempt the viewer owns: a user's own, or a guest attempt (its id is the proof). */
  async function getOwnAttempt(attemptId: string, viewer: Viewer) {
    const found = await quizzes.findAttempt(attemptId)
    if (!found || (found.attempt.userId !== null && found.attempt.userId !== viewer?.id)) {
      throw new AppError('ATTEMPT_NOT_FOUND', { message: 'No attempt with this id is yours.' })
    }
    const { sessionId, userId } = found.attempt
    if (sessionId !== null && userId !== null) await sessionGate.assertMember(sessionId, userId)
    return found
  }

  async function keyContextOf(attempt: AttemptRow, set: QuestionSetRow): Promise<KeyContext> {
    return {
      policy: set.showAnswers,
      attemptFinished: attempt.status === 'finished',
      inSession: attempt.sessionId !== null,
      sessionClosed: attempt.sessionId !== null && (await sessionGate.isClosed(attempt.sessionId)),
    }
  }

  /** The key of one question, or nulls and the reason it is withheld: every response goes through here. */
  function keyOf(question: Question | undefined, answered: boolean, context: KeyContext) {
    const keyStatus = answerKeyStatus({ ...context, answered })
    if (keyStatus !== 'shown' || !question) {
      return { keyStatus, correctAnswer: null, explanation: null }
    }
    return {
      keyStatus,
      correctAnswer: correctAnswerOf(question),
      explanation: question.explanation ?? null,
    }
  }

  function toAnswerResult(
    row: AnswerRow,
    question: Question | undefined,
    context: KeyContext,
  ): AnswerResult {
    return {
      questionId: row.questionId,
      clientAnswerId: row.clientAnswerId,
      response: row.response,
      correct: row.isCorrect,
      points: row.points,
      maxPoints: question?.points ?? 0,
      ...keyOf(question, true, context),
      answeredAt: row.answeredAt.toISOString(),
    }
  }

  function toAttempt(
    attempt: AttemptRow,
    set: QuestionSetRow,
    answerRows: AnswerRow[],
    context: KeyContext,
    openingList: QuestionOpening[],
  ): Attempt {
    const byId = new Map(set.questions.map((q) => [q.id, q]))
    return {
      id: attempt.id,
      token: set.token,
      title: set.title,
      displayName: attempt.displayName,
      status: attempt.status,
      showAnswers: set.showAnswers,
      answers: answerRows.map((row) => toAnswerResult(row, byId.get(row.questionId), context)),
      score: attempt.score,
      maxScore: attempt.maxScore,
      questionCount: set.questions.length,
      startedAt: attempt.startedAt.toISOString(),
      finishedAt: attempt.finishedAt?.toISOString() ?? null,
      openings: openingList,
    }
  }

  function toResult(
    attempt: AttemptRow,
    set: QuestionSetRow,
    answerRows: AnswerRow[],
    context: KeyContext,
  ): AttemptResult {
    const answerOf = new Map(answerRows.map((row) => [row.questionId, row]))
    const review = set.questions.map((question): ReviewItem => {
      const answer = answerOf.get(question.id)
      return {
        question: toPublicQuestion(question),
        answer: answer ? toAnswerResult(answer, question, context) : null,
        ...keyOf(question, answer !== undefined, context),
      }
    })
    return {
      attemptId: attempt.id,
      token: set.token,
      title: set.title,
      displayName: attempt.displayName,
      score: attempt.score,
      maxScore: attempt.maxScore,
      correctCount: answerRows.filter((row) => row.isCorrect).length,
      questionCount: set.questions.length,
      startedAt: attempt.startedAt.toISOString(),
      finishedAt: (attempt.finishedAt ?? now()).toISOString(),
      showAnswers: set.showAnswers,
      review,
    }
  }

  return {
    ...createShareManagement({ quizzes, shares, shareUrlOf, now }),

    async share(owner: AuthUser, body: CreateShareBody): Promise<CreateShareResponse> {
      let loopData = body.loop
      if (body.loopId !== undefined) {
        const loop = await loops.findOwned(body.loopId, owner.id)
        if (!loop)
          throw new AppError('LOOP_NOT_FOUND', { message: 'No loop with this id belongs to you.' })
        loopData = toLoopSnapshot(loop)
      }
      if (!loopData) throw new Error('contract guarantees loop or loopId')
      const expiresAt =
        body.expiresInHours === undefined
          ? null
          : new Date(now().getTime() + body.expiresInHours * 3_600_000)
      const candidate = {
        title: body.title ?? loopData.videoTitle,
        loopData,
        questions: body.questions,
        visibility: body.visibility,
        showAnswers: body.showAnswers,
        maxAttempts: body.maxAttempts ?? null,
      }
      // A link with an expiry is a new lifetime, so only never-expiring links are offered again.
      if (body.loopId !== undefined && !body.forceNew && expiresAt === null) {
        const live = await shares.findLiveSharesOfLoop(owner.id, body.loopId, now())
        const same = live.find((set) => set.expiresAt === null && isSameShare(set, candidate))
        if (same) {
          return {
            token: same.token,
            shareUrl: shareUrlOf(same.token),
            expiresAt: null,
            reused: true,
          }
        }
      }
      const set = await quizzes.insertQuestionSet({
        ...candidate,
        token: newSecretToken(),
        ownerId: owner.id,
        loopId: body.loopId ?? null,
        questions: assignQuestionIds(body.questions, newShortId),
        expiresAt,
      })
      return {
        token: set.token,
        shareUrl: shareUrlOf(set.token),
        expiresAt: set.expiresAt?.toISOString() ?? null,
        reused: false,
      }
    },

    async findMine(ownerId: string, query: PageQuery) {
      const rows = await quizzes.findQuestionSetsByOwner(
        ownerId,
        query.limit + 1,
        decodeCursor(query.cursor),
      )
      return toPage(
        rows,
        query.limit,
        (row) => ({ at: row.set.createdAt, id: row.set.id }),
        ({ set, attemptCount }): QuestionSetSummary =>
          toQuestionSetSummary(set, attemptCount, shareUrlOf(set.token)),
      )
    },

    async getPublicSet(token: string, viewer: Viewer): Promise<PublicQuestionSet> {
      const { set, ownerName } = await getOpenSet(token, viewer)
      return {
        token: set.token,
        title: set.title,
        loop: set.loopData,
        questions: set.questions.map(toPublicQuestion),
        totalPoints: totalPoints(set.questions),
        visibility: set.visibility,
        showAnswers: set.showAnswers,
        expiresAt: set.expiresAt?.toISOString() ?? null,
        createdAt: set.createdAt.toISOString(),
        ownerName,
        maxAttempts: set.maxAttempts,
        viewerAttempts: viewer ? await shares.findUserAttemptTally(set.id, viewer.id) : null,
      }
    },

    async startAttempt(token: string, viewer: Viewer, body: StartAttemptBody): Promise<Attempt> {
      const { set } = await getOpenSet(token, viewer)
      if (set.visibility === 'group') {
        throw new AppError('FORBIDDEN', {
          message: 'This quiz belongs to a group session: join it from the session.',
        })
      }
      const displayName = viewer?.name ?? body.displayName
      if (displayName === undefined) {
        throw new AppError('DISPLAY_NAME_REQUIRED', {
          message: 'Enter a display name to take this quiz as a guest.',
          details: [{ path: 'body.displayName', message: 'is required for guests' }],
        })
      }
      const row = {
        id: newSecretToken(),
        questionSetId: set.id,
        userId: viewer?.id ?? null,
        displayName,
        maxScore: totalPoints(set.questions),
      }
      const attempt =
        set.maxAttempts !== null && viewer
          ? await shares.insertAttemptWithinLimit({ ...row, userId: viewer.id }, set.maxAttempts)
          : await quizzes.insertAttempt(row)
      if (!attempt) {
        const { latestAttemptId } = await shares.findUserAttemptTally(set.id, row.userId ?? '')
        throw new AppError('ATTEMPT_LIMIT_REACHED', {
          message:
            set.maxAttempts === 1
              ? 'You have used your attempt at this quiz.'
              : `You have used your ${set.maxAttempts} attempts at this quiz.`,
          details: { maxAttempts: set.maxAttempts, latestAttemptId },
        })
      }
      return toAttempt(attempt, set, [], await keyContextOf(attempt, set), [])
    },

    async getAttempt(attemptId: string, viewer: Viewer): Promise<Attempt> {
      const { attempt, set } = await getOwnAttempt(attemptId, viewer)
      const answerRows = await quizzes.findAnswers(attempt.id)
      return toAttempt(
        attempt,
        set,
        answerRows,
        await keyContextOf(attempt, set),
        await timing.openingsOf(attempt.id, set.questions),
      )
    },

    /** Notes that the taker was shown a question, which starts its time limit; the first opening stands. */
    async openQuestion(
      attemptId: string,
      viewer: Viewer,
      questionId: string,
    ): Promise<OpenQuestionResponse> {
      const { attempt, set } = await getOwnAttempt(attemptId, viewer)
      const question = set.questions.find((q) => q.id === questionId)
      if (!question) {
        throw new AppError('QUESTION_NOT_IN_SET', {
          message: `Question ${questionId} is not part of this quiz.`,
          details: [{ path: 'params.questionId', message: 'is not part of this quiz' }],
        })
      }
      if (attempt.status === 'finished') {
        throw new AppError('ATTEMPT_FINISHED', {
          message: 'This attempt is finished; start a new one to answer again.',
        })
      }
      assertOpenTo(set, viewer)
      if (attempt.sessionId !== null && attempt.userId !== null) {
        await sessionGate.assertOpenForAnswers(attempt.sessionId, attempt.userId)
      }
      return timing.open(attempt.id, question)
    },

    async submitAnswer(
      attemptId: string,
      viewer: Viewer,
      body: SubmitAnswerBody,
    ): Promise<AnswerResult> {
      const { attempt, set } = await getOwnAttempt(attemptId, viewer)
      const question = set.questions.find((q) => q.id === body.questionId)
      const context = await keyContextOf(attempt, set)
      const replay = async () => {
        const existing = await quizzes.findAnswerByClientId(attempt.id, body.clientAnswerId)
        return existing && existing.questionId === body.questionId
          ? toAnswerResult(existing, question, context)
          : null
      }
      const earlier = await replay()
      if (earlier) return earlier
      if (!question) {
        throw new AppError('QUESTION_NOT_IN_SET', {
          message: `Question ${body.questionId} is not part of this quiz.`,
          details: [{ path: 'body.questionId', message: 'is not part of this quiz' }],
        })
      }
      if (attempt.status === 'finished') {
        throw new AppError('ATTEMPT_FINISHED', {
          message: 'This attempt is finished; start a new one to answer again.',
        })
      }
      assertOpenTo(set, viewer)
      if (attempt.sessionId !== null && attempt.userId !== null) {
        await sessionGate.assertOpenForAnswers(attempt.sessionId, attempt.userId)
      }
      const grade = gradeAnswer(question, body.response)
      if (!grade.fits) {
        throw new AppError('ANSWER_DOES_NOT_FIT_QUESTION', {
          message: grade.reason,
          details: [{ path: 'body.response', message: grade.reason }],
        })
      }
      await timing.assertInTime(attempt.id, question)
      const saved = await quizzes.recordAnswer({
        attemptId: attempt.id,
        questionId: question.id,
        clientAnswerId: body.clientAnswerId,
        response: body.response,
        isCorrect: grade.correct,
        points: grade.points,
      })
      if (saved) return toAnswerResult(saved, question, context)
      // Lost a race: a retry of this same answer won, or the question or attempt closed.
      const raced = await replay()
      if (raced) return raced
      const current = await getOwnAttempt(attemptId, viewer)
      if (current.attempt.status === 'finished') {
        throw new AppError('ATTEMPT_FINISHED', {
          message: 'This attempt is finished; start a new one to answer again.',
        })
      }
      throw new AppError('ANSWER_ALREADY_RECORDED', {
        message: 'This question already has an answer in this attempt.',
      })
    },

    async finishAttempt(attemptId: string, viewer: Viewer): Promise<AttemptResult> {
      const owned = await getOwnAttempt(attemptId, viewer)
      const finishedNow = await quizzes.finishAttempt(attemptId)
      const { sessionId, userId } = owned.attempt
      if (finishedNow && sessionId !== null && userId !== null)
        await sessionGate.recordFinished(sessionId, userId)
      const { attempt, set } = await getOwnAttempt(attemptId, viewer)
      const answerRows = await quizzes.findAnswers(attempt.id)
      return toResult(attempt, set, answerRows, await keyContextOf(attempt, set))
    },

    async getResult(attemptId: string, viewer: Viewer): Promise<AttemptResult> {
      const { attempt, set } = await getOwnAttempt(attemptId, viewer)
      if (attempt.status !== 'finished') {
        throw new AppError('ATTEMPT_NOT_FINISHED', {
          message: 'This attempt is not finished yet, so it has no result.',
        })
      }
      const answerRows = await quizzes.findAnswers(attempt.id)
      return toResult(attempt, set, answerRows, await keyContextOf(attempt, set))
    },

    async findMyAttempts(userId: string, query: PageQuery) {
      const rows = await quizzes.findAttemptsByUser(
        userId,
        query.limit + 1,
        decodeCursor(query.cursor),
      )
      return toPage(
        rows,
        query.limit,
        (row) => ({ at: row.attempt.startedAt, id: row.attempt.id }),
        ({ attempt, set }): AttemptSummary => ({
          id: attempt.id,
          token: set.token,
          title: set.title,
          videoTitle: set.loopData.videoTitle,
          status: attempt.status,
          score: attempt.score,
          maxScore: attempt.maxScore,
          questionCount: set.questions.length,
          startedAt: attempt.startedAt.toISOString(),
          finishedAt: attempt.finishedAt?.toISOString() ?? null,
        }),
      )
    },
  }
}

export type QuizzesService = ReturnType<typeof createQuizzesService>
