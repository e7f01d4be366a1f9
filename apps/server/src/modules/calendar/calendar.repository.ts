import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { calendarFeeds } from '../../db/schema/calendar.ts'
import { groupMembers, groups } from '../../db/schema/groups.ts'
import { groupQuizSessions } from '../../db/schema/sessions.ts'

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect

export function createCalendarRepository(db: Database) {
  return {
    async findFeedOfUser(userId: string): Promise<CalendarFeedRow | null> {
      const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId))
      return row ?? null
    },

    async findFeedByTokenHash(tokenHash: string): Promise<CalendarFeedRow | null> {
      const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.token, tokenHash))
      return row ?? null
    },

    /** Creates the user's feed or replaces its token: the old token then finds nothing. */
    async saveFeed(userId: string, tokenHash: string, nonce: string): Promise<void> {
      await db
        .insert(calendarFeeds)
        .values({ userId, token: tokenHash, nonce })
        .onConflictDoUpdate({
          target: calendarFeeds.userId,
          set: { token: tokenHash, nonce, createdAt: new Date() },
        })
    },

    /** Creates the user's feed unless they have one; returns the one that is stored. */
    async insertFeedIfAbsent(
      userId: string,
      tokenHash: string,
      nonce: string,
    ): Promise<CalendarFeedRow> {
      await db
        .insert(calendarFeeds)
        .values({ userId, token: tokenHash, nonce })
        .onConflictDoNothing({ target: calendarFeeds.userId })
      const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId))
      if (!row) throw new Error('calendar feed neither inserted nor found')
      return row
    },

    /**
     * The sessions of the user's live groups that start from `from` on, with their group's name
     * and zone: every status but pending_approval, cancelled ones only if cancelled since
     * `cancelledSince`.
     */
    async findFeedSessions(
      userId: string,
      { from, cancelledSince, limit }: { from: Date; cancelledSince: Date; limit: number },
    ) {
      return db
        .select({
          session: groupQuizSessions,
          groupName: groups.name,
          timeZone: groups.timezone,
        })
        .from(groupQuizSessions)
        .innerJoin(groups, eq(groups.id, groupQuizSessions.groupId))
        .innerJoin(
          groupMembers,
          and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, userId)),
        )
        .where(
          and(
            isNull(groups.deletedAt),
            gte(groupQuizSessions.scheduledAt, from),
            or(
              inArray(groupQuizSessions.status, ['scheduled', 'active', 'completed']),
              and(
                eq(groupQuizSessions.status, 'cancelled'),
                gte(groupQuizSessions.cancelledAt, cancelledSince),
              ),
            ),
          ),
        )
        .orderBy(asc(groupQuizSessions.scheduledAt), asc(groupQuizSessions.id))
        .limit(limit)
    },
  }
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>
