import type { AnswerDistribution, Question, QuestionDistribution } from '@loopquiz/contract'
import { correctAnswerOf } from '../../domain/grading.ts'
import { createCoalescer } from '../../lib/coalescer.ts'
import type { SessionContext, Viewer } from './session-context.ts'

/** Counts per option of one question from its grouped responses; none for free text. */
function countsOf(
  question: Question,
  groups: ReadonlyArray<{ response: unknown; count: number }>,
): Record<string, number> {
  const counts: Record<string, number> = {}
  const add = (key: string, n: number) => {
    counts[key] = (counts[key] ?? 0) + n
  }
  if (question.type === 'single' || question.type === 'multiple') {
    // Every option shows, answered or not: the host sees the zeros too.
    for (const option of question.options) counts[option.id] = 0
  }
  if (question.type === 'true_false') {
    counts.true = 0
    counts.false = 0
  }
  for (const { response, count } of groups) {
    if (question.type === 'true_false' && typeof response === 'boolean')
      add(String(response), count)
    if (question.type === 'single' && typeof response === 'string') add(response, count)
    if (question.type === 'multiple' && Array.isArray(response)) {
      for (const id of response) if (typeof id === 'string') add(id, count)
    }
  }
  return counts
}

/**
 * The host's view of how answers fall: per question, how many answered, how many were right, and
 * the count of each option, live. Read on request, and pushed to the session's hosts' room as
 * answers come in (see `createDistributionPush`).
 */
export function createAnswerDistribution(ctx: SessionContext) {
  const { sessions, quizzes } = ctx

  async function distributionOf(
    questions: readonly Question[],
    sessionId: string,
    questionIds: readonly string[] | null,
  ): Promise<QuestionDistribution[]> {
    const wanted = questionIds === null ? null : new Set(questionIds)
    const picked = questions.filter((q) => wanted === null || wanted.has(q.id))
    const rows = await quizzes.countSessionResponses(
      sessionId,
      picked.map((q) => q.id),
      picked.filter((q) => q.type === 'short_text').map((q) => q.id),
    )
    return picked.map((question) => {
      const mine = rows.filter((row) => row.questionId === question.id)
      return {
        questionId: question.id,
        answeredCount: mine.reduce((sum, row) => sum + row.count, 0),
        correctCount: mine.reduce((sum, row) => sum + row.correct, 0),
        counts: countsOf(question, mine),
        correctAnswer: correctAnswerOf(question),
      }
    })
  }

  return {
    /** Every question's distribution, for a host (creator, owner, admins) of the session. */
    async getAnswerDistribution(
      groupId: string,
      sessionId: string,
      viewer: Viewer,
    ): Promise<AnswerDistribution> {
      const { row } = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'host')
      return { sessionId, questions: await distributionOf(row.questionsData, row.id, null) }
    },

    /** The distributions of the questions named, for a push; null if the session is gone. */
    async answerDistributionOf(
      sessionId: string,
      questionIds: readonly string[],
    ): Promise<AnswerDistribution | null> {
      const row = await sessions.findSessionById(sessionId)
      if (!row) return null
      return { sessionId, questions: await distributionOf(row.questionsData, row.id, questionIds) }
    },
  }
}

/**
 * Pushes `session:answers` to the hosts of a session as its answers come in: the questions that
 * changed in a tick are counted again in one grouped query, at most once per `tickMs` per
 * session (250 ms: four updates a second are live to a person, and a class answering at once
 * costs four queries a second, not one per answer).
 */
export function createDistributionPush(
  distributionOf: (sessionId: string, questionIds: string[]) => Promise<AnswerDistribution | null>,
  emit: (distribution: AnswerDistribution) => void,
  onError: (error: unknown) => void,
  { tickMs = 250 } = {},
) {
  const pending = createCoalescer<string>(tickMs, (sessionId, questionIds) => {
    distributionOf(sessionId, questionIds).then(
      (distribution) => distribution && emit(distribution),
      onError,
    )
  })
  return {
    answered(sessionId: string, questionId: string) {
      pending.add(sessionId, questionId, questionId)
    },
    flush: () => pending.flush(),
    stop: () => pending.stop(),
  }
}
