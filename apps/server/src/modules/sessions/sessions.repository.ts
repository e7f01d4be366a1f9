import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
} from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { users } from '../../db/schema/auth.ts'
import { groupMembers } from '../../db/schema/groups.ts'
import { answers, attempts, questionSets } from '../../db/schema/quizzes.ts'
import { groupQuizSessions, groupSessionParticipants } from '../../db/schema/sessions.ts'
import type { SessionEvent } from '../../domain/session-state.ts'
import { statusesAllowing } from '../../domain/session-state.ts'
import type { Cursor } from '../../lib/pagination.ts'

export type SessionRow = typeof groupQuizSessions.$inferSelect
export type NewSessionRow = typeof groupQuizSessions.$inferInsert

/** When a session happens, for ordering and date filters: planned start, or creation for instant ones. */
const when = sql<Date>`coalesce(${groupQuizSessions.scheduledAt}, ${groupQuizSessions.createdAt})`

export interface SessionFilters {
  status?: SessionRow['status'] | undefined
  type?: SessionRow['sessionType'] | undefined
  createdBy?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
  seriesId?: string | undefined
  /** One row per recurring series: its next open occurrence, else its latest. */
  collapseSeries?: boolean
  order: 'newest' | 'soonest'
}

const isOpenStatus = sql`${groupQuizSessions.status} in ('active', 'scheduled', 'pending_approval')`

function sessionQueries(db: Database) {
  return {
    async insertQuestionSet(row: typeof questionSets.$inferInsert) {
      const [saved] = await db.insert(questionSets).values(row).returning()
      if (!saved) throw new Error('insert returned no row')
      return saved
    },

    async insertSessions(rows: NewSessionRow[]): Promise<SessionRow[]> {
      return db.insert(groupQuizSessions).values(rows).returning()
    },

    async findSession(groupId: string, sessionId: string): Promise<SessionRow | null> {
      const [row] = await db
        .select()
        .from(groupQuizSessions)
        .where(and(eq(groupQuizSessions.id, sessionId), eq(groupQuizSessions.groupId, groupId)))
      return row ?? null
    },

    /** The session a short join code stands for (its sequence number, decoded). */
    async findSessionByJoinSeq(joinSeq: number): Promise<SessionRow | null> {
      const [row] = await db
        .select()
        .from(groupQuizSessions)
        .where(eq(groupQuizSessions.joinSeq, joinSeq))
      return row ?? null
    },

    async findSessionById(sessionId: string): Promise<SessionRow | null> {
      const [row] = await db
        .select()
        .from(groupQuizSessions)
        .where(eq(groupQuizSessions.id, sessionId))
      return row ?? null
    },

    async findSessions(
      groupId: string,
      filters: SessionFilters,
      limit: number,
      after: Cursor | null,
    ) {
      const soonest = filters.order === 'soonest'
      const matches = and(
        eq(groupQuizSessions.groupId, groupId),
        filters.status ? eq(groupQuizSessions.status, filters.status) : undefined,
        filters.type ? eq(groupQuizSessions.sessionType, filters.type) : undefined,
        filters.createdBy ? eq(groupQuizSessions.createdBy, filters.createdBy) : undefined,
        filters.seriesId ? eq(groupQuizSessions.seriesId, filters.seriesId) : undefined,
        filters.from ? gte(when, filters.from) : undefined,
        filters.to ? lt(when, filters.to) : undefined,
      )
      // A series is represented by its next open occurrence (soonest first), else its latest.
      const ranked = db
        .select({
          id: groupQuizSessions.id,
          seriesRank:
            sql<number>`row_number() over (partition by coalesce(${groupQuizSessions.seriesId}, ${groupQuizSessions.id}) order by case when ${isOpenStatus} then 0 else 1 end, case when ${isOpenStatus} then ${when} end asc, ${when} desc)`.as(
              'series_rank',
            ),
        })
        .from(groupQuizSessions)
        .where(matches)
        .as('ranked')
      return db
        .select({ session: groupQuizSessions, when })
        .from(groupQuizSessions)
        .innerJoin(ranked, eq(ranked.id, groupQuizSessions.id))
        .where(
          and(
            matches,
            filters.collapseSeries ? eq(ranked.seriesRank, 1) : undefined,
            after
              ? soonest
                ? or(
                    gt(when, after.at),
                    and(eq(when, after.at), gt(groupQuizSessions.id, after.id)),
                  )
                : or(
                    lt(when, after.at),
                    and(eq(when, after.at), lt(groupQuizSessions.id, after.id)),
                  )
              : undefined,
          ),
        )
        .orderBy(
          soonest ? asc(when) : desc(when),
          soonest ? asc(groupQuizSessions.id) : desc(groupQuizSessions.id),
        )
        .limit(limit)
    },

    /** Sessions of these groups in a state, by planned time: for "my active/upcoming sessions". */
    async findSessionsOfGroups(
      groupIds: string[],
      statuses: SessionRow['status'][],
      order: 'asc' | 'desc',
      limit: number,
    ) {
      if (groupIds.length === 0) return []
      return db
        .select()
        .from(groupQuizSessions)
        .where(
          and(
            inArray(groupQuizSessions.groupId, groupIds),
            inArray(groupQuizSessions.status, statuses),
          ),
        )
        .orderBy(order === 'asc' ? asc(when) : desc(when), asc(groupQuizSessions.id))
        .limit(limit)
    },

    /**
     * Applies a state change only if the session is still in a state that allows it:
     * of two nodes racing, exactly one gets the row back.
     */
    async transition(
      sessionId: string,
      event: SessionEvent,
      changes: Partial<NewSessionRow>,
      /** Only if this time column has passed `at`: a reschedule in between then wins. */
      due?: { column: 'scheduledAt' | 'endsAt'; at: Date },
      /** Only if this time column is still after `at`: approving a request whose start passed fails. */
      notYet?: { column: 'scheduledAt'; at: Date },
    ): Promise<SessionRow | null> {
      const [row] = await db
        .update(groupQuizSessions)
        .set({ ...changes, updatedAt: new Date() })
        .where(
          and(
            eq(groupQuizSessions.id, sessionId),
            inArray(groupQuizSessions.status, statusesAllowing(event)),
            due ? lte(groupQuizSessions[due.column], due.at) : undefined,
            notYet ? gt(groupQuizSessions[notYet.column], notYet.at) : undefined,
          ),
        )
        .returning()
      return row ?? null
    },

    /** Sets the late window if the session is still in one of `statuses`. */
    async setLateWindow(
      sessionId: string,
      lateUntil: Date | null,
      statuses: SessionRow['status'][],
    ): Promise<SessionRow | null> {
      const [row] = await db
        .update(groupQuizSessions)
        .set({ lateUntil, updatedAt: new Date() })
        .where(
          and(eq(groupQuizSessions.id, sessionId), inArray(groupQuizSessions.status, statuses)),
        )
        .returning()
      return row ?? null
    },

    /** Occurrences of a series, by their place in it; from `fromOccurrence` on when given. */
    async findSeriesOccurrences(seriesId: string, fromOccurrence?: Date): Promise<SessionRow[]> {
      return db
        .select()
        .from(groupQuizSessions)
        .where(
          and(
            eq(groupQuizSessions.seriesId, seriesId),
            fromOccurrence ? gte(groupQuizSessions.occurrenceStart, fromOccurrence) : undefined,
          ),
        )
        .orderBy(asc(groupQuizSessions.occurrenceStart), asc(groupQuizSessions.id))
    },

    /** Moves an occurrence to another series, rule or place in it, whatever its state. */
    async updateSessionFields(
      sessionId: string,
      changes: Partial<Pick<NewSessionRow, 'seriesId' | 'recurrenceRule' | 'occurrenceStart'>>,
    ): Promise<void> {
      await db
        .update(groupQuizSessions)
        .set({ ...changes, updatedAt: new Date() })
        .where(eq(groupQuizSessions.id, sessionId))
    },

    /** Rewrites the rule of these occurrences (a series cut short). */
    async updateSeriesOf(
      sessionIds: string[],
      changes: Pick<NewSessionRow, 'recurrenceRule'> & Partial<Pick<NewSessionRow, 'seriesId'>>,
    ): Promise<void> {
      if (sessionIds.length === 0) return
      await db
        .update(groupQuizSessions)
        .set({ ...changes, updatedAt: new Date() })
        .where(inArray(groupQuizSessions.id, sessionIds))
    },

    /** For rows of a collapsed list: each series' size, upcoming and completed occurrences. */
    async countSeries(seriesIds: string[]) {
      if (seriesIds.length === 0) return new Map<string, SeriesCounts>()
      const rows = await db
        .select({
          seriesId: groupQuizSessions.seriesId,
          occurrenceCount: count(),
          upcomingCount:
            sql<number>`count(*) filter (where ${groupQuizSessions.status} in ('scheduled', 'pending_approval'))`.mapWith(
              Number,
            ),
          completedCount:
            sql<number>`count(*) filter (where ${groupQuizSessions.status} = 'completed')`.mapWith(
              Number,
            ),
        })
        .from(groupQuizSessions)
        .where(inArray(groupQuizSessions.seriesId, seriesIds))
        .groupBy(groupQuizSessions.seriesId)
      return new Map(
        rows.flatMap(({ seriesId, ...counts }) => (seriesId ? [[seriesId, counts] as const] : [])),
      )
    },

    /**
     * Scheduled sessions whose start time has come, active ones past their end, and requests
     * still waiting for approval when their start came (they expire).
     */
    async findDue(now: Date) {
      const toStart = await db
        .select({ id: groupQuizSessions.id })
        .from(groupQuizSessions)
        .where(
          and(
            inArray(groupQuizSessions.status, ['scheduled', 'pending_approval']),
            lte(groupQuizSessions.scheduledAt, now),
          ),
        )
      const toComplete = await db
        .select({ id: groupQuizSessions.id })
        .from(groupQuizSessions)
        .where(and(eq(groupQuizSessions.status, 'active'), lte(groupQuizSessions.endsAt, now)))
      return { toStart: toStart.map((r) => r.id), toComplete: toComplete.map((r) => r.id) }
    },

    /**
     * The latest occurrence (by its place in the rule) of each recurring series whose
     * occurrences stop before `horizon`, cancelled ones included: cancelling one occurrence
     * never stops a series; only its rule (cut by UNTIL) does.
     */
    async findSeriesEndingBefore(horizon: Date): Promise<SessionRow[]> {
      const latest = db
        .select({
          seriesId: groupQuizSessions.seriesId,
          last: sql<Date>`max(${groupQuizSessions.occurrenceStart})`.as('last'),
        })
        .from(groupQuizSessions)
        .where(isNotNull(groupQuizSessions.seriesId))
        .groupBy(groupQuizSessions.seriesId)
        .as('latest')
      const rows = await db
        .select({ session: groupQuizSessions })
        .from(groupQuizSessions)
        .innerJoin(
          latest,
          and(
            eq(latest.seriesId, groupQuizSessions.seriesId),
            eq(latest.last, groupQuizSessions.occurrenceStart),
          ),
        )
        .where(lt(groupQuizSessions.occurrenceStart, horizon))
      return rows.map((row) => row.session)
    },

    async markReminded(sessionId: string): Promise<SessionRow | null> {
      const [row] = await db
        .update(groupQuizSessions)
        .set({ remindedAt: new Date() })
        .where(
          and(
            eq(groupQuizSessions.id, sessionId),
            isNull(groupQuizSessions.remindedAt),
            inArray(groupQuizSessions.status, ['scheduled']),
          ),
        )
        .returning()
      return row ?? null
    },

    async findUserNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map()
      const rows = await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, ids))
      return new Map(rows.map((row) => [row.id, row.name]))
    },

    async countParticipants(sessionIds: string[]) {
      if (sessionIds.length === 0) return new Map<string, { joined: number; completed: number }>()
      const rows = await db
        .select({
          sessionId: groupSessionParticipants.sessionId,
          joined: count(),
          completed: count(groupSessionParticipants.completedAt),
        })
        .from(groupSessionParticipants)
        .where(inArray(groupSessionParticipants.sessionId, sessionIds))
        .groupBy(groupSessionParticipants.sessionId)
      return new Map(
        rows.map((row) => [row.sessionId, { joined: row.joined, completed: row.completed }]),
      )
    },

    async findMyParticipations(sessionIds: string[], userId: string) {
      if (sessionIds.length === 0) return []
      return db
        .select({
          participant: groupSessionParticipants,
          name: attempts.displayName,
          score: attempts.score,
          answeredCount: attempts.answeredCount,
        })
        .from(groupSessionParticipants)
        .innerJoin(attempts, eq(attempts.id, groupSessionParticipants.attemptId))
        .where(
          and(
            inArray(groupSessionParticipants.sessionId, sessionIds),
            eq(groupSessionParticipants.userId, userId),
          ),
        )
    },

    async findParticipants(sessionId: string) {
      return db
        .select({
          participant: groupSessionParticipants,
          name: users.name,
          isMember: sql<boolean>`${groupMembers.userId} is not null`,
          score: attempts.score,
          maxScore: attempts.maxScore,
          answeredCount:
            sql<number>`(select count(*) from answers where answers.attempt_id = group_session_participants.attempt_id)`.mapWith(
              Number,
            ),
        })
        .from(groupSessionParticipants)
        .innerJoin(users, eq(users.id, groupSessionParticipants.userId))
        .innerJoin(attempts, eq(attempts.id, groupSessionParticipants.attemptId))
        .innerJoin(groupQuizSessions, eq(groupQuizSessions.id, groupSessionParticipants.sessionId))
        .leftJoin(
          groupMembers,
          and(
            eq(groupMembers.groupId, groupQuizSessions.groupId),
            eq(groupMembers.userId, groupSessionParticipants.userId),
          ),
        )
        .where(eq(groupSessionParticipants.sessionId, sessionId))
        .orderBy(desc(attempts.score), asc(groupSessionParticipants.joinedAt))
    },

    async findAnswerStats(sessionId: string) {
      return db
        .select({
          questionId: answers.questionId,
          answered: count(),
          correct: sql<number>`count(*) filter (where ${answers.isCorrect})`.mapWith(Number),
        })
        .from(answers)
        .innerJoin(
          groupSessionParticipants,
          eq(groupSessionParticipants.attemptId, answers.attemptId),
        )
        .where(eq(groupSessionParticipants.sessionId, sessionId))
        .groupBy(answers.questionId)
    },

    async countMembers(groupId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(groupMembers)
        .where(eq(groupMembers.groupId, groupId))
      return row?.n ?? 0
    },

    /** Finds or creates the member's attempt and participant row for a session. */
    async joinSession(input: {
      session: SessionRow
      userId: string
      displayName: string
      attemptId: string
      maxScore: number
      late: boolean
      now: Date
    }): Promise<string> {
      const { session, userId, now } = input
      await db
        .insert(attempts)
        .values({
          id: input.attemptId,
          questionSetId: session.questionSetId,
          userId,
          sessionId: session.id,
          displayName: input.displayName,
          maxScore: input.maxScore,
        })
        .onConflictDoNothing()
      const [attempt] = await db
        .select({ id: attempts.id })
        .from(attempts)
        .where(and(eq(attempts.sessionId, session.id), eq(attempts.userId, userId)))
      if (!attempt) throw new Error('attempt vanished after insert')
      await db
        .insert(groupSessionParticipants)
        .values({
          sessionId: session.id,
          userId,
          attemptId: attempt.id,
          late: input.late,
          joinedAt: now,
          lastSeenAt: now,
        })
        .onConflictDoUpdate({
          target: [groupSessionParticipants.sessionId, groupSessionParticipants.userId],
          set: { lastSeenAt: now },
        })
      return attempt.id
    },

    /** Notes the member was seen (and finished); `late` marks them once they act after the end. */
    async touchParticipant(
      sessionId: string,
      userId: string,
      completed: boolean,
      late: boolean,
    ): Promise<void> {
      const now = new Date()
      await db
        .update(groupSessionParticipants)
        .set({
          lastSeenAt: now,
          ...(completed ? { completedAt: now } : {}),
          ...(late ? { late: true } : {}),
        })
        .where(
          and(
            eq(groupSessionParticipants.sessionId, sessionId),
            eq(groupSessionParticipants.userId, userId),
            completed ? isNull(groupSessionParticipants.completedAt) : undefined,
          ),
        )
    },

    /** For group statistics: completed sessions with how many took part and how they scored. */
    async findCompletedStats(groupId: string) {
      return db
        .select({
          sessionId: groupQuizSessions.id,
          participants:
            sql<number>`(select count(*) from group_session_participants p where p.session_id = group_quiz_sessions.id)`.mapWith(
              Number,
            ),
          scoreSum:
            sql<number>`(select coalesce(sum(a.score), 0) from group_session_participants p join attempts a on a.id = p.attempt_id where p.session_id = group_quiz_sessions.id)`.mapWith(
              Number,
            ),
          maxSum:
            sql<number>`(select coalesce(sum(a.max_score), 0) from group_session_participants p join attempts a on a.id = p.attempt_id where p.session_id = group_quiz_sessions.id)`.mapWith(
              Number,
            ),
        })
        .from(groupQuizSessions)
        .where(
          and(eq(groupQuizSessions.groupId, groupId), eq(groupQuizSessions.status, 'completed')),
        )
    },

    async countUpcoming(groupId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(groupQuizSessions)
        .where(
          and(
            eq(groupQuizSessions.groupId, groupId),
            inArray(groupQuizSessions.status, ['scheduled', 'pending_approval']),
            isNotNull(groupQuizSessions.scheduledAt),
          ),
        )
      return row?.n ?? 0
    },
  }
}

export interface SeriesCounts {
  occurrenceCount: number
  upcomingCount: number
  completedCount: number
}

export type SessionQueries = ReturnType<typeof sessionQueries>

export function createSessionsRepository(db: Database) {
  return {
    ...sessionQueries(db),
    transaction<T>(work: (queries: SessionQueries) => Promise<T>): Promise<T> {
      return db.transaction((tx) => work(sessionQueries(tx as unknown as Database)))
    },
  }
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>
