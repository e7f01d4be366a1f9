import type { NotificationType } from '@loopquiz/contract'
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { users } from '../../db/schema/auth.ts'
import {
  groupInvitations,
  groupJoinRequests,
  groupMembers,
  groups,
} from '../../db/schema/groups.ts'
import { notificationPreferences, notifications } from '../../db/schema/notifications.ts'
import { groupQuizSessions, groupSessionParticipants } from '../../db/schema/sessions.ts'
import type { Cursor } from '../../lib/pagination.ts'

export type NotificationRow = typeof notifications.$inferSelect
export type NewNotificationRow = typeof notifications.$inferInsert
export type SessionRowForNotice = typeof groupQuizSessions.$inferSelect

export type StoredPreferences = typeof notificationPreferences.$inferSelect

function notificationQueries(db: Database) {
  return {
    /** Inserts those not made before (same user and event); returns only the new ones. */
    async insertNew(rows: NewNotificationRow[]): Promise<NotificationRow[]> {
      if (rows.length === 0) return []
      return db
        .insert(notifications)
        .values(rows)
        .onConflictDoNothing({ target: [notifications.userId, notifications.eventKey] })
        .returning()
    },

    async findPage(userId: string, limit: number, after: Cursor | null) {
      return db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, userId),
            after
              ? or(
                  lt(notifications.createdAt, after.at),
                  and(eq(notifications.createdAt, after.at), lt(notifications.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit)
    },

    async countUnread(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      return row?.n ?? 0
    },

    /** Unread counts of several users at once (a delivery to a whole group). */
    async countUnreadOf(userIds: string[]): Promise<Map<string, number>> {
      if (userIds.length === 0) return new Map()
      const rows = await db
        .select({ userId: notifications.userId, n: count() })
        .from(notifications)
        .where(and(inArray(notifications.userId, userIds), isNull(notifications.readAt)))
        .groupBy(notifications.userId)
      return new Map(rows.map((row) => [row.userId, row.n]))
    },

    /** False when the user has no such notification (someone else's, or none at all). */
    async markRead(userId: string, notificationId: string, at: Date): Promise<boolean> {
      const [row] = await db
        .select({ readAt: notifications.readAt })
        .from(notifications)
        .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
      if (!row) return false
      if (row.readAt === null) {
        await db
          .update(notifications)
          .set({ readAt: at })
          .where(and(eq(notifications.id, notificationId), isNull(notifications.readAt)))
      }
      return true
    },

    async markAllRead(userId: string, at: Date): Promise<void> {
      await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    },

    /** Whether members were told of any of these sessions (scheduled or started for them). */
    async wasAnnounced(sessionIds: string[]): Promise<boolean> {
      const [row] = await db
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            inArray(notifications.sessionId, sessionIds),
            inArray(notifications.type, ['session_scheduled', 'session_started']),
          ),
        )
        .limit(1)
      return row !== undefined
    },

    async findSession(sessionId: string): Promise<SessionRowForNotice | null> {
      const [row] = await db
        .select()
        .from(groupQuizSessions)
        .where(eq(groupQuizSessions.id, sessionId))
      return row ?? null
    },

    /** A group that is not deleted, by id. */
    async findGroup(groupId: string) {
      const [row] = await db
        .select({ id: groups.id, name: groups.name })
        .from(groups)
        .where(and(eq(groups.id, groupId), isNull(groups.deletedAt)))
      return row ?? null
    },

    async findMembers(groupId: string) {
      return db
        .select({ userId: groupMembers.userId, role: groupMembers.role })
        .from(groupMembers)
        .where(eq(groupMembers.groupId, groupId))
    },

    async findParticipants(sessionId: string): Promise<string[]> {
      const rows = await db
        .select({ userId: groupSessionParticipants.userId })
        .from(groupSessionParticipants)
        .where(eq(groupSessionParticipants.sessionId, sessionId))
      return rows.map((row) => row.userId)
    },

    async findJoinRequest(requestId: string) {
      const [row] = await db
        .select()
        .from(groupJoinRequests)
        .where(eq(groupJoinRequests.id, requestId))
      return row ?? null
    },

    async findInvitation(invitationId: string) {
      const [row] = await db
        .select({ invitation: groupInvitations, groupName: groups.name, inviterName: users.name })
        .from(groupInvitations)
        .innerJoin(groups, eq(groups.id, groupInvitations.groupId))
        .innerJoin(users, eq(users.id, groupInvitations.invitedBy))
        .where(eq(groupInvitations.id, invitationId))
      return row ?? null
    },

    /** The account with this address (addresses are stored lower-case, as invitations are). */
    async findUserByEmail(email: string) {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
      return row ?? null
    },

    async findUserName(userId: string): Promise<string | null> {
      const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId))
      return row?.name ?? null
    },

    async findPreferences(userId: string): Promise<StoredPreferences | null> {
      const [row] = await db
        .select()
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, userId))
      return row ?? null
    },

    async findPreferencesOf(userIds: string[]): Promise<Map<string, StoredPreferences>> {
      if (userIds.length === 0) return new Map()
      const rows = await db
        .select()
        .from(notificationPreferences)
        .where(inArray(notificationPreferences.userId, userIds))
      return new Map(rows.map((row) => [row.userId, row]))
    },

    async savePreferences(
      userId: string,
      email: Partial<Record<NotificationType, boolean>>,
      timeZone: string | null,
    ): Promise<StoredPreferences> {
      const values = { email, timeZone, updatedAt: new Date() }
      const [row] = await db
        .insert(notificationPreferences)
        .values({ userId, ...values })
        .onConflictDoUpdate({ target: notificationPreferences.userId, set: values })
        .returning()
      if (!row) throw new Error('preferences not saved')
      return row
    },

    /** A notification with what its e-mail needs: the recipient, their time zone, the session. */
    async findForMail(notificationId: string) {
      const [row] = await db
        .select({
          notification: notifications,
          email: users.email,
          name: users.name,
          timeZone: notificationPreferences.timeZone,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .leftJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
        .where(eq(notifications.id, notificationId))
      return row ?? null
    },

    async findGroupTimeZone(groupId: string): Promise<string | null> {
      const [row] = await db
        .select({ timezone: groups.timezone })
        .from(groups)
        .where(eq(groups.id, groupId))
      return row?.timezone ?? null
    },

    async markMailed(notificationId: string, at: Date): Promise<void> {
      await db
        .update(notifications)
        .set({ mailedAt: at })
        .where(eq(notifications.id, notificationId))
    },
  }
}

export type NotificationQueries = ReturnType<typeof notificationQueries>

export function createNotificationsRepository(db: Database) {
  return {
    ...notificationQueries(db),
    /** Runs `work` in one transaction, with the queries and the transaction (for jobs) bound to it. */
    transaction<T>(work: (queries: NotificationQueries, tx: Database) => Promise<T>): Promise<T> {
      return db.transaction((tx) => {
        const bound = tx as unknown as Database
        return work(notificationQueries(bound), bound)
      })
    },
  }
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>
