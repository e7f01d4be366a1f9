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
import { livePoints, maxLiveScore, SPEED_SCALE } from '../../domain/live-scoring.ts'
import { AppError } from '../../lib/app-error.ts'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { newSecretToken, newShortId } from '../../lib/tokens.ts'
import { createTtlCache } from '../../lib/ttl-cache.ts'
import type { LoopsRepository } from '../loops/loops.repository.ts'
import { toLoopSnapshot } from '../loops/loops.service.ts'
import type { AnswerWriter } from './answer-writer.ts'
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

/** An answer stored in a session attempt: its participant's new totals, and the question it moved. */
export interface SessionAnswer {
  userId: string
  name: string
  questionId: string
  answeredCount: number
  score: number
}

export interface QuizzesServiceDeps {
  quizzes: QuizzesRepository
  shares: SharesRepository
  openings: QuestionOpeningsRepository
  loops: LoopsRepository
  sessionGate: SessionGate
  /** Stores answers in group commits (answer-writer.ts). */
  answers: AnswerWriter
  /** Told after an answer of a session attempt is stored (progress and the host's distribution). */
  onSessionAnswer?: (sessionId: string, answer: SessionAnswer) => void
  publicUrl: string
  now?: () => Date
}

/**
 * What never changes about an attempt: whose it is, in which session, of which question set; and
 * whether it is known to be finished (a finished attempt never reopens; one finished on another
 * node is refused by the writer instead).
 */
interface AttemptIdentity {
  id: string
  userId: string | null
  /** The name the attempt was started under: what others see next to its progress. */
  displayName: string
  sessionId: string | null
  questionSetId: string
  isFinished: boolean
}

// How long a question set read for an answer is used again. Its questions never change (a set
// is a snapshot); its off switch and expiry can, and this node drops its copy when its author
// turns it off here, so only another node's switch takes up to this long to reach answers.
const QUESTION_SET_CACHE_MS = 2000

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
  answers,
  onSessionAnswer = () => {},
  publicUrl,
  now = () => new Date(),
}: QuizzesServiceDeps) {
  const shareUrlOf = (token: string) => `${publicUrl}/questions/${token}`
  const timing = createQuestionTiming({ openings, now })
  // Owner, session and set of an attempt are fixed when it starts: safe to keep for its life.
  const attemptIdentities = createTtlCache<AttemptIdentity>(60 * 60_000, 100_000)
  const questionSetsById = createTtlCache<QuestionSetRow>(QUESTION_SET_CACHE_MS, 10_000)
  const shareManagement = createShareManagement({ quizzes, shares, shareUrlOf, now })

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

  const attemptFinished = () =>
    new AppError('ATTEMPT_FINISHED', {
      message: 'This attempt is finished; start a new one to answer again.',
    })

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

  /**
   * The attempt an answer is for, and its question set, mostly from this node's memory: the
   * answer path reads nothing that cannot change under it. Ownership is checked as in
   * `getOwnAttempt`; so is membership, which is never cached (see answer-caches.ts).
   */
  async function getAnswerTarget(attemptId: string, viewer: Viewer) {
    let identity = attemptIdentities.get(attemptId)
    let set = identity ? questionSetsById.get(identity.questionSetId) : undefined
    if (!identity || !set) {
      const found = await quizzes.findAttempt(attemptId)
      if (found) {
        const { id, userId, displayName, sessionId, questionSetId, status } = found.attempt
        identity = {
          id,
          userId,
          displayName,
          sessionId,
          questionSetId,
          isFinished: status === 'finished',
        }
        set = found.set
        attemptIdentities.set(attemptId, identity)
        questionSetsById.set(questionSetId, set)
      }
    }
    if (!identity || !set || (identity.userId !== null && identity.userId !== viewer?.id)) {
      throw new AppError('ATTEMPT_NOT_FOUND', { message: 'No attempt with this id is yours.' })
    }
    const { sessionId, userId } = identity
    if (sessionId !== null && userId !== null) await sessionGate.assertMember(sessionId, userId)
    return { attempt: identity, set }
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
    maxPoints = question?.points ?? 0,
  ): AnswerResult {
    return {
      questionId: row.questionId,
      clientAnswerId: row.clientAnswerId,
      response: row.response,
      correct: row.isCorrect,
      points: row.points,
      maxPoints,
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
    ...shareManagement,

    async setStatus(owner: AuthUser, token: string, enabled: boolean) {
      const summary = await shareManagement.setStatus(owner, token, enabled)
      const found = await quizzes.findQuestionSetByToken(token)
      if (found) questionSetsById.delete(found.set.id)
      return summary
    },

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

    /**
     * Grades and stores an answer; a retry with the same `clientAnswerId` gets the first result,
     * whatever has closed since. The hot path reads only what can change (membership, the live
     * question, the time limit's opening) and leaves the write to the group-commit writer.
     */
    async submitAnswer(
      attemptId: string,
      viewer: Viewer,
      body: SubmitAnswerBody,
    ): Promise<AnswerResult> {
      const { attempt, set } = await getAnswerTarget(attemptId, viewer)
      const question = set.questions.find((q) => q.id === body.questionId)
      const replay = async () => {
        const existing = await quizzes.findAnswerByClientId(attempt.id, body.clientAnswerId)
        if (!existing || existing.questionId !== body.questionId) return null
        const current = await getOwnAttempt(attemptId, viewer)
        // Live speed scoring multiplies the attempt's best score as it does each question's.
        const isSpeedScaled = current.attempt.maxScore > totalPoints(current.set.questions)
        return toAnswerResult(
          existing,
          question,
          await keyContextOf(current.attempt, current.set),
          (question?.points ?? 0) * (isSpeedScaled ? SPEED_SCALE : 1),
        )
      }
      const assertOpen = async (): Promise<Question> => {
        if (!question) {
          throw new AppError('QUESTION_NOT_IN_SET', {
            message: `Question ${body.questionId} is not part of this quiz.`,
            details: [{ path: 'body.questionId', message: 'is not part of this quiz' }],
          })
        }
        if (attempt.isFinished) throw attemptFinished()
        assertOpenTo(set, viewer)
        if (attempt.sessionId !== null && attempt.userId !== null) {
          await sessionGate.assertOpenForAnswers(attempt.sessionId, attempt.userId)
        }
        return question
      }
      const answeredAt = now()
      let graded: { question: Question; isCorrect: boolean; points: number; maxPoints: number }
      try {
        const open = await assertOpen()
        const grade = gradeAnswer(open, body.response)
        if (!grade.fits) {
          throw new AppError('ANSWER_DOES_NOT_FIT_QUESTION', {
            message: grade.reason,
            details: [{ path: 'body.response', message: grade.reason }],
          })
        }
        const live =
          attempt.sessionId === null
            ? null
            : await sessionGate.liveAnswerWindow(attempt.sessionId, open.id, answeredAt)
        if (live) {
          // The live question's clock replaces the question's own limit: one countdown for all.
          const elapsedMs = live.limitMs - (live.deadline.getTime() - answeredAt.getTime())
          graded = {
            question: open,
            isCorrect: grade.correct,
            points: livePoints({
              correct: grade.correct,
              points: open.points,
              scoring: live.scoring,
              elapsedMs,
              limitMs: live.limitMs,
            }),
            maxPoints: maxLiveScore([open.points], live.scoring),
          }
        } else {
          await timing.assertInTime(attempt.id, open)
          graded = {
            question: open,
            isCorrect: grade.correct,
            points: grade.points,
            maxPoints: open.points,
          }
        }
      } catch (error) {
        // A retry of an answer stored before gets its first result, not the reason it would fail now.
        const earlier = await replay()
        if (earlier) return earlier
        throw error
      }
      const stored = await answers.write({
        attemptId: attempt.id,
        questionId: graded.question.id,
        clientAnswerId: body.clientAnswerId,
        response: body.response,
        isCorrect: graded.isCorrect,
        points: graded.points,
        answeredAt,
      })
      if (stored) {
        const { sessionId, userId } = attempt
        if (sessionId !== null && userId !== null) {
          onSessionAnswer(sessionId, {
            userId,
            name: attempt.displayName,
            questionId: stored.questionId,
            answeredCount: stored.attemptAnsweredCount,
            score: stored.attemptScore,
          })
        }
        const context: KeyContext = {
          policy: set.showAnswers,
          // The batch stored it only because the attempt was still in progress.
          attemptFinished: false,
          inSession: sessionId !== null,
          sessionClosed: sessionId !== null && (await sessionGate.isClosed(sessionId)),
        }
        return toAnswerResult(stored, graded.question, context, graded.maxPoints)
      }
      // Nothing stored: a retry of this same answer came first, or the question or attempt closed.
      const raced = await replay()
      if (raced) return raced
      const current = await getOwnAttempt(attemptId, viewer)
      if (current.attempt.status === 'finished') {
        attempt.isFinished = true
        throw attemptFinished()
      }
      throw new AppError('ANSWER_ALREADY_RECORDED', {
        message: 'This question already has an answer in this attempt.',
      })
    },

    async finishAttempt(attemptId: string, viewer: Viewer): Promise<AttemptResult> {
      const owned = await getOwnAttempt(attemptId, viewer)
      const finishedNow = await quizzes.finishAttempt(attemptId)
      const known = attemptIdentities.get(attemptId)
      if (known) known.isFinished = true
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
