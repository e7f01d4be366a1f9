import { and, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { answers, attempts, questionSets } from '../../db/schema/quizzes.ts'
import type { AttemptRow, QuestionSetRow } from './quizzes.repository.ts'

/** An attempt at a share with how many of its answers were right. */
export interface AttemptWithCorrectCount {
  attempt: AttemptRow
  correctCount: number
}

/** What the author of a share manages: reuse, attempt limits, the off switch and who took it. */
export function createSharesRepository(db: Database) {
  return {
    /** The owner's personal shares of a loop that are still open (on, not expired), newest first. */
    async findLiveSharesOfLoop(ownerId: string, loopId: string, now: Date) {
      return db
        .select()
        .from(questionSets)
        .where(
          and(
            eq(questionSets.ownerId, ownerId),
            eq(questionSets.loopId, loopId),
            isNull(questionSets.groupId),
            isNull(questionSets.disabledAt),
            or(isNull(questionSets.expiresAt), gt(questionSets.expiresAt, now)),
          ),
        )
        .orderBy(desc(questionSets.createdAt), desc(questionSets.id))
    },

    async setDisabledAt(id: string, disabledAt: Date | null): Promise<QuestionSetRow | null> {
      const [saved] = await db
        .update(questionSets)
        .set({ disabledAt })
        .where(eq(questionSets.id, id))
        .returning()
      return saved ?? null
    },

    async countAttempts(questionSetId: string): Promise<number> {
      const [row] = await db
        .select({ total: count() })
        .from(attempts)
        .where(eq(attempts.questionSetId, questionSetId))
      return row?.total ?? 0
    },

    /** A user's own attempts at a share outside group sessions: how many, and the latest. */
    async findUserAttemptTally(questionSetId: string, userId: string) {
      const rows = await db
        .select({ id: attempts.id })
        .from(attempts)
        .where(
          and(
            eq(attempts.questionSetId, questionSetId),
            eq(attempts.userId, userId),
            isNull(attempts.sessionId),
          ),
        )
        .orderBy(desc(attempts.startedAt), desc(attempts.id))
      return { used: rows.length, latestAttemptId: rows[0]?.id ?? null }
    },

    /**
     * Inserts the attempt unless its user already has `maxAttempts` at the set; returns null
     * then. The set's row is locked so two tabs starting at once cannot both get the last one.
     */
    async insertAttemptWithinLimit(
      row: typeof attempts.$inferInsert & { userId: string },
      maxAttempts: number,
    ): Promise<AttemptRow | null> {
      return db.transaction(async (tx) => {
        await tx
          .select({ id: questionSets.id })
          .from(questionSets)
          .where(eq(questionSets.id, row.questionSetId))
          .for('update')
        const [used] = await tx
          .select({ total: count() })
          .from(attempts)
          .where(
            and(
              eq(attempts.questionSetId, row.questionSetId),
              eq(attempts.userId, row.userId),
              isNull(attempts.sessionId),
            ),
          )
        if ((used?.total ?? 0) >= maxAttempts) return null
        const [saved] = await tx.insert(attempts).values(row).returning()
        if (!saved) throw new Error('insert returned no row')
        return saved
      })
    },

    /** The attempts at a set, newest first, each with its number of right answers. */
    async findAttemptsOfSet(
      questionSetId: string,
      limit: number,
    ): Promise<AttemptWithCorrectCount[]> {
      return db
        .select({
          attempt: attempts,
          // Written out: drizzle leaves column names unqualified inside a select's sql.
          correctCount:
            sql<number>`(select count(*) from answers where answers.attempt_id = attempts.id and answers.is_correct)`.mapWith(
              Number,
            ),
        })
        .from(attempts)
        .where(eq(attempts.questionSetId, questionSetId))
        .orderBy(desc(attempts.startedAt), desc(attempts.id))
        .limit(limit)
    },

    /** Per question id: how many attempts at the set answered it, and how many got it right. */
    async findAnswerTallies(questionSetId: string) {
      return db
        .select({
          questionId: answers.questionId,
          answeredCount: count(),
          correctCount: sql<number>`count(*) filter (where ${answers.isCorrect})`.mapWith(Number),
        })
        .from(answers)
        .innerJoin(attempts, eq(attempts.id, answers.attemptId))
        .where(eq(attempts.questionSetId, questionSetId))
        .groupBy(answers.questionId)
    },
  }
}

export type SharesRepository = ReturnType<typeof createSharesRepository>
