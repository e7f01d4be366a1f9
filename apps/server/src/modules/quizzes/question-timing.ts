import type { Question, QuestionOpening } from '@loopquiz/contract'
import { checkAnswerTime, deadlineOf } from '../../domain/time-limit.ts'
import { AppError } from '../../lib/app-error.ts'
import type {
  QuestionOpeningRow,
  QuestionOpeningsRepository,
} from './question-openings.repository.ts'

export interface QuestionTimingDeps {
  openings: QuestionOpeningsRepository
  now: () => Date
}

/** Question time limits: when a taker was first shown a question, and whether an answer is in time. */
export function createQuestionTiming({ openings, now }: QuestionTimingDeps) {
  function toOpening(row: QuestionOpeningRow, question: Question | undefined): QuestionOpening {
    return {
      questionId: row.questionId,
      openedAt: row.openedAt.toISOString(),
      deadline: deadlineOf(question?.timeLimitS, row.openedAt)?.toISOString() ?? null,
    }
  }

  return {
    /** Opens the question for the attempt, or returns its first opening if it was opened before. */
    async open(attemptId: string, question: Question) {
      const row = await openings.open(attemptId, question.id, now())
      return { ...toOpening(row, question), serverNow: now().toISOString() }
    },

    /** The attempt's openings, for resuming its countdowns. */
    async openingsOf(attemptId: string, questions: Question[]): Promise<QuestionOpening[]> {
      const byId = new Map(questions.map((q) => [q.id, q]))
      const rows = await openings.findByAttempt(attemptId)
      return rows.map((row) => toOpening(row, byId.get(row.questionId)))
    },

    /**
     * Throws TIME_LIMIT_PASSED when an answer to a timed question comes after its limit and
     * the grace. A timed question answered without ever being opened counts as opened now,
     * and that opening is recorded: a client whose open call failed must not lose a fair
     * answer, and recording it means nobody gets a fresh clock for it later. The questions
     * travel with the quiz, so the server cannot know a taker read one earlier; the limit
     * measures from the first moment the server knows the question was shown.
     */
    async assertInTime(attemptId: string, question: Question) {
      if (question.timeLimitS === undefined) return
      const arrivedAt = now()
      const { openedAt } = await openings.open(attemptId, question.id, arrivedAt)
      const { isAccepted, deadline } = checkAnswerTime({
        timeLimitS: question.timeLimitS,
        openedAt,
        now: arrivedAt,
      })
      if (!isAccepted) {
        throw new AppError('TIME_LIMIT_PASSED', {
          message: `The time to answer this question ran out at ${deadline?.toISOString()}.`,
          details: { deadline: deadline?.toISOString() },
        })
      }
    },
  }
}

export type QuestionTiming = ReturnType<typeof createQuestionTiming>
