import type { AnswerValue } from '@loopquiz/contract'
import { and, desc, eq, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { users } from '../../db/schema/auth.ts'
import { answers, attempts, questionSets } from '../../db/schema/quizzes.ts'
import type { Cursor } from '../../lib/pagination.ts'

export type QuestionSetRow = typeof questionSets.$inferSelect
export type AttemptRow = typeof attempts.$inferSelect
export type AnswerRow = typeof answers.$inferSelect

export function createQuizzesRepository(db: Database) {
  return {
    async insertQuestionSet(row: typeof questionSets.$inferInsert): Promise<QuestionSetRow> {
      const [saved] = await db.insert(questionSets).values(row).returning()
      if (!saved) throw new Error('insert returned no row')
      return saved
    },

    async findQuestionSetByToken(
      token: string,
    ): Promise<{ set: QuestionSetRow; ownerName: string } | null> {
      const [row] = await db
        .select({ set: questionSets, ownerName: users.name })
        .from(questionSets)
        .innerJoin(users, eq(users.id, questionSets.ownerId))
        .where(eq(questionSets.token, token))
      return row ?? null
    },

    async findQuestionSetsByOwner(ownerId: string, limit: number, after: Cursor | null) {
      return db
        .select({
          set: questionSets,
          // Written out: drizzle leaves column names unqualified inside a select's sql.
          attemptCount:
            sql<number>`(select count(*) from attempts where attempts.question_set_id = question_sets.id)`.mapWith(
              Number,
            ),
        })
        .from(questionSets)
        .where(
          and(
            eq(questionSets.ownerId, ownerId),
            after
              ? or(
                  lt(questionSets.createdAt, after.at),
                  and(eq(questionSets.createdAt, after.at), lt(questionSets.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(questionSets.createdAt), desc(questionSets.id))
        .limit(limit)
    },

    async insertAttempt(row: typeof attempts.$inferInsert): Promise<AttemptRow> {
      const [saved] = await db.insert(attempts).values(row).returning()
      if (!saved) throw new Error('insert returned no row')
      return saved
    },

    async findAttempt(id: string): Promise<{ attempt: AttemptRow; set: QuestionSetRow } | null> {
      const [row] = await db
        .select({ attempt: attempts, set: questionSets })
        .from(attempts)
        .innerJoin(questionSets, eq(questionSets.id, attempts.questionSetId))
        .where(eq(attempts.id, id))
      return row ?? null
    },

    async findAttemptsByUser(userId: string, limit: number, after: Cursor | null) {
      return db
        .select({ attempt: attempts, set: questionSets })
        .from(attempts)
        .innerJoin(questionSets, eq(questionSets.id, attempts.questionSetId))
        .where(
          and(
            eq(attempts.userId, userId),
            after
              ? or(
                  lt(attempts.startedAt, after.at),
                  and(eq(attempts.startedAt, after.at), lt(attempts.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(attempts.startedAt), desc(attempts.id))
        .limit(limit)
    },

    async findAnswers(attemptId: string): Promise<AnswerRow[]> {
      return db
        .select()
        .from(answers)
        .where(eq(answers.attemptId, attemptId))
        .orderBy(answers.answeredAt, answers.id)
    },

    async findAnswerByClientId(
      attemptId: string,
      clientAnswerId: string,
    ): Promise<AnswerRow | null> {
      const [row] = await db
        .select()
        .from(answers)
        .where(and(eq(answers.attemptId, attemptId), eq(answers.clientAnswerId, clientAnswerId)))
      return row ?? null
    },

    /**
     * How a session's answers fell, per question and distinct response, in one grouped query.
     * The responses of `textQuestionIds` are not told apart (free text has no options to count).
     */
    async countSessionResponses(
      sessionId: string,
      questionIds: readonly string[],
      textQuestionIds: readonly string[],
    ): Promise<
      Array<{ questionId: string; response: AnswerValue | null; count: number; correct: number }>
    > {
      if (questionIds.length === 0) return []
      const result = await db.execute(sql`
        select a.question_id as "questionId",
          case when a.question_id = any(${sql.param([...textQuestionIds])}::text[]) then null else a.response end as response,
          count(*)::integer as count,
          (count(*) filter (where a.is_correct))::integer as correct
        from answers a join attempts t on t.id = a.attempt_id
        where t.session_id = ${sessionId} and a.question_id = any(${sql.param([...questionIds])}::text[])
        group by 1, 2
      `)
      // Both drivers answer a raw statement with `{ rows }`; the shared Database type cannot say so.
      return (
        result as unknown as {
          rows: Array<{
            questionId: string
            response: AnswerValue | null
            count: number
            correct: number
          }>
        }
      ).rows
    },

    /** Marks the attempt finished if it is still in progress; returns whether this call did it. */
    async finishAttempt(id: string): Promise<boolean> {
      const finished = await db
        .update(attempts)
        .set({ status: 'finished', finishedAt: new Date() })
        .where(and(eq(attempts.id, id), eq(attempts.status, 'in_progress')))
        .returning({ id: attempts.id })
      return finished.length > 0
    },
  }
}

export type QuizzesRepository = ReturnType<typeof createQuizzesRepository>
