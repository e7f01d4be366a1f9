import { and, count, countDistinct, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { groupJoinRequests, groups } from '../../db/schema/groups.ts'
import { groupQuizSessions } from '../../db/schema/sessions.ts'

/** What waits in one group, whoever may decide it. */
export interface PendingCounts {
  joinRequests: number
  sessionsToApprove: number
}

export type JoinRequestStatus = (typeof groupJoinRequests.$inferSelect)['status']

export function createAttentionRepository(db: Database) {
  return {
    /**
     * Per group, the pending join requests and the sessions waiting for approval whose start is
     * still ahead (one that has passed can no longer be approved). A series is approved as a
     * whole, so it counts once. Groups with nothing pending are absent from the map.
     */
    async countPending(groupIds: string[], now: Date): Promise<Map<string, PendingCounts>> {
      const counts = new Map<string, PendingCounts>()
      if (groupIds.length === 0) return counts
      const entry = (groupId: string) => {
        let found = counts.get(groupId)
        if (!found) {
          found = { joinRequests: 0, sessionsToApprove: 0 }
          counts.set(groupId, found)
        }
        return found
      }
      const requests = await db
        .select({ groupId: groupJoinRequests.groupId, n: count() })
        .from(groupJoinRequests)
        .where(
          and(
            inArray(groupJoinRequests.groupId, groupIds),
            eq(groupJoinRequests.status, 'pending'),
          ),
        )
        .groupBy(groupJoinRequests.groupId)
      for (const row of requests) entry(row.groupId).joinRequests = row.n
      const sessions = await db
        .select({
          groupId: groupQuizSessions.groupId,
          n: countDistinct(sql`coalesce(${groupQuizSessions.seriesId}, ${groupQuizSessions.id})`),
        })
        .from(groupQuizSessions)
        .where(
          and(
            inArray(groupQuizSessions.groupId, groupIds),
            eq(groupQuizSessions.status, 'pending_approval'),
            gt(groupQuizSessions.scheduledAt, now),
          ),
        )
        .groupBy(groupQuizSessions.groupId)
      for (const row of sessions) entry(row.groupId).sessionsToApprove = row.n
      return counts
    },

    /** The user's own pending requests to join groups that still exist, newest first. */
    async findPendingJoinRequestsOf(userId: string) {
      return db
        .select({ request: groupJoinRequests, groupName: groups.name })
        .from(groupJoinRequests)
        .innerJoin(groups, eq(groups.id, groupJoinRequests.groupId))
        .where(
          and(
            eq(groupJoinRequests.userId, userId),
            eq(groupJoinRequests.status, 'pending'),
            isNull(groups.deletedAt),
          ),
        )
        .orderBy(desc(groupJoinRequests.createdAt), desc(groupJoinRequests.id))
    },

    /** Deletes the user's own request if it is still pending; false otherwise. */
    /** Deletes the user's own pending request; returns its group, or null when there was none. */
    async deletePendingJoinRequest(requestId: string, userId: string): Promise<string | null> {
      const deleted = await db
        .delete(groupJoinRequests)
        .where(
          and(
            eq(groupJoinRequests.id, requestId),
            eq(groupJoinRequests.userId, userId),
            eq(groupJoinRequests.status, 'pending'),
          ),
        )
        .returning({ groupId: groupJoinRequests.groupId })
      return deleted[0]?.groupId ?? null
    },

    /** The status of one of the user's own requests, or null when they have none with this id. */
    async findJoinRequestStatus(
      requestId: string,
      userId: string,
    ): Promise<JoinRequestStatus | null> {
      const [row] = await db
        .select({ status: groupJoinRequests.status })
        .from(groupJoinRequests)
        .where(and(eq(groupJoinRequests.id, requestId), eq(groupJoinRequests.userId, userId)))
      return row?.status ?? null
    },
  }
}

export type AttentionRepository = ReturnType<typeof createAttentionRepository>
