import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { questionOpenings } from '../../db/schema/quizzes.ts'

export type QuestionOpeningRow = typeof questionOpenings.$inferSelect

export function createQuestionOpeningsRepository(db: Database) {
  return {
    /**
     * Notes that the question was shown at `openedAt`, unless it already was: the first
     * opening stands, so a reload or a second tab cannot restart its clock. Returns the
     * opening that stands.
     */
    async open(attemptId: string, questionId: string, openedAt: Date): Promise<QuestionOpeningRow> {
      await db
        .insert(questionOpenings)
        .values({ attemptId, questionId, openedAt })
        .onConflictDoNothing()
      const [row] = await db
        .select()
        .from(questionOpenings)
        .where(
          and(
            eq(questionOpenings.attemptId, attemptId),
            eq(questionOpenings.questionId, questionId),
          ),
        )
      if (!row) throw new Error('opening vanished after insert')
      return row
    },

    async findByAttempt(attemptId: string): Promise<QuestionOpeningRow[]> {
      return db
        .select()
        .from(questionOpenings)
        .where(eq(questionOpenings.attemptId, attemptId))
        .orderBy(questionOpenings.openedAt)
    },
  }
}

export type QuestionOpeningsRepository = ReturnType<typeof createQuestionOpeningsRepository>
