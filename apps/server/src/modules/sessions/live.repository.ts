import type { AnswerValue } from '@loopquiz/contract'
import { and, count, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { users } from '../../db/schema/auth.ts'
import { answers, attempts } from '../../db/schema/quizzes.ts'
import {
  groupQuizSessions,
  groupSessionParticipants,
  sessionLiveStates,
} from '../../db/schema/sessions.ts'
import type { LiveRecord } from '../../domain/live-state.ts'
import type { SessionRow } from './sessions.repository.ts'

export type LiveRow = typeof sessionLiveStates.$inferSelect

/** A participant's place in a live session: ranks share a number on equal scores. */
export interface StandingRow {
  userId: string
  name: string
  score: number
  rank: number
  lastPoints: number
}

export function createLiveRepository(db: Database) {
  return {
    async findLiveState(sessionId: string): Promise<LiveRow | null> {
      const [row] = await db
        .select()
        .from(sessionLiveStates)
        .where(eq(sessionLiveStates.sessionId, sessionId))
      return row ?? null
    },

    /** The session's live state, created in the lobby the first time anyone asks. */
    async findOrCreateLiveState(sessionId: string): Promise<LiveRow> {
      await db.insert(sessionLiveStates).values({ sessionId }).onConflictDoNothing()
      const row = await this.findLiveState(sessionId)
      if (!row) throw new Error('live state vanished after insert')
      return row
    },

    /**
     * Writes `next` only if the state is still at `expectedVersion` (and, for a timer's lock,
     * still running past its deadline): of two hosts or nodes racing, exactly one gets the row.
     */
    async updateLiveState(
      sessionId: string,
      expectedVersion: number,
      next: LiveRecord,
      onlyIfDueBy?: Date,
    ): Promise<LiveRow | null> {
      const [row] = await db
        .update(sessionLiveStates)
        .set({ ...next, version: expectedVersion + 1, updatedAt: new Date() })
        .where(
          and(
            eq(sessionLiveStates.sessionId, sessionId),
            eq(sessionLiveStates.version, expectedVersion),
            onlyIfDueBy
              ? sql`${sessionLiveStates.phase} = 'question' and ${sessionLiveStates.deadline} <= ${onlyIfDueBy}`
              : undefined,
          ),
        )
        .returning()
      return row ?? null
    },

    async countParticipants(sessionId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(groupSessionParticipants)
        .where(eq(groupSessionParticipants.sessionId, sessionId))
      return row?.n ?? 0
    },

    async countAnswers(sessionId: string, questionId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(answers)
        .innerJoin(attempts, eq(attempts.id, answers.attemptId))
        .where(and(eq(attempts.sessionId, sessionId), eq(answers.questionId, questionId)))
      return row?.n ?? 0
    },

    /**
     * How the answers to one question fell: one row per distinct response (few for choice
     * questions), or per correctness alone when responses are free text.
     */
    async findResponseCounts(sessionId: string, questionId: string, byResponse: boolean) {
      const response = byResponse ? answers.response : sql<AnswerValue | null>`null`
      return db
        .select({ response, isCorrect: answers.isCorrect, n: count() })
        .from(answers)
        .innerJoin(attempts, eq(attempts.id, answers.attemptId))
        .where(and(eq(attempts.sessionId, sessionId), eq(answers.questionId, questionId)))
        .groupBy(byResponse ? sql`1, 2` : sql`2`)
    },

    /** Every participant ranked by score in one query, with the points of `questionId`. */
    async findStandings(sessionId: string, questionId: string | null): Promise<StandingRow[]> {
      return db
        .select({
          userId: groupSessionParticipants.userId,
          name: users.name,
          score: attempts.score,
          rank: sql<number>`rank() over (order by ${attempts.score} desc)`.mapWith(Number),
          lastPoints: sql<number>`coalesce(${answers.points}, 0)`.mapWith(Number),
        })
        .from(groupSessionParticipants)
        .innerJoin(attempts, eq(attempts.id, groupSessionParticipants.attemptId))
        .innerJoin(users, eq(users.id, groupSessionParticipants.userId))
        .leftJoin(
          answers,
          and(eq(answers.attemptId, attempts.id), eq(answers.questionId, questionId ?? '')),
        )
        .where(eq(groupSessionParticipants.sessionId, sessionId))
        .orderBy(desc(attempts.score), groupSessionParticipants.joinedAt)
    },

    /** Gives an active session more time; null when it is no longer active. */
    async extendActiveSession(
      sessionId: string,
      minutes: number,
      now: Date,
    ): Promise<SessionRow | null> {
      const [row] = await db
        .update(groupQuizSessions)
        .set({
          endsAt: sql`coalesce(${groupQuizSessions.endsAt}, ${now}) + make_interval(mins => ${minutes}::int)`,
          durationMinutes: sql`${groupQuizSessions.durationMinutes} + ${minutes}::int`,
          updatedAt: new Date(),
        })
        .where(and(eq(groupQuizSessions.id, sessionId), eq(groupQuizSessions.status, 'active')))
        .returning()
      return row ?? null
    },
  }
}

export type LiveRepository = ReturnType<typeof createLiveRepository>
