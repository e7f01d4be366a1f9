import type { GroupRole } from '@loopquiz/contract'
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { users } from '../../db/schema/auth.ts'
import {
  groupInvitations,
  groupJoinRequests,
  groupMembers,
  groups,
} from '../../db/schema/groups.ts'
import { groupQuizSessions } from '../../db/schema/sessions.ts'

export type GroupRow = typeof groups.$inferSelect
export type InvitationRow = typeof groupInvitations.$inferSelect
export type JoinRequestRow = typeof groupJoinRequests.$inferSelect
export type GroupChanges = Partial<
  Pick<GroupRow, 'name' | 'description' | 'privacy' | 'timezone' | 'tags' | 'settings' | 'joinCode'>
>

const memberCount =
  sql<number>`(select count(*) from group_members where group_members.group_id = groups.id)`.mapWith(
    Number,
  )
const live = isNull(groups.deletedAt)

function groupQueries(db: Database) {
  return {
    async insertGroup(row: typeof groups.$inferInsert, ownerId: string): Promise<GroupRow> {
      const [group] = await db.insert(groups).values(row).returning()
      if (!group) throw new Error('insert returned no row')
      await db.insert(groupMembers).values({ groupId: group.id, userId: ownerId, role: 'owner' })
      return group
    },

    async findGroup(groupId: string): Promise<{ group: GroupRow; memberCount: number } | null> {
      const [row] = await db
        .select({ group: groups, memberCount })
        .from(groups)
        .where(and(eq(groups.id, groupId), live))
      return row ?? null
    },

    async findGroupByJoinCode(
      code: string,
    ): Promise<{ group: GroupRow; memberCount: number } | null> {
      const [row] = await db
        .select({ group: groups, memberCount })
        .from(groups)
        .where(and(eq(groups.joinCode, code), live))
      return row ?? null
    },

    async findRole(groupId: string, userId: string): Promise<GroupRole | null> {
      const [row] = await db
        .select({ role: groupMembers.role })
        .from(groupMembers)
        .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
      return row?.role ?? null
    },

    async findGroupsOfUser(userId: string) {
      return db
        .select({ group: groups, role: groupMembers.role, memberCount })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .where(and(eq(groupMembers.userId, userId), live))
        .orderBy(asc(groups.name), asc(groups.id))
    },

    async updateGroup(groupId: string, changes: GroupChanges): Promise<void> {
      await db
        .update(groups)
        .set({ ...changes, updatedAt: new Date() })
        .where(and(eq(groups.id, groupId), live))
    },

    /**
     * Deletes the group and, in one transaction, cancels its sessions that
     * have not finished: their jobs then find nothing to start or end.
     */
    async softDeleteGroup(groupId: string): Promise<void> {
      const now = new Date()
      await db.transaction(async (tx) => {
        await tx.update(groups).set({ deletedAt: now }).where(eq(groups.id, groupId))
        await tx
          .update(groupQuizSessions)
          .set({
            status: 'cancelled',
            cancelReason: 'group_deleted',
            cancelledAt: now,
            updatedAt: now,
          })
          .where(
            and(
              eq(groupQuizSessions.groupId, groupId),
              inArray(groupQuizSessions.status, ['pending_approval', 'scheduled', 'active']),
            ),
          )
      })
    },

    async findMembers(groupId: string) {
      return db
        .select({
          userId: groupMembers.userId,
          role: groupMembers.role,
          joinedAt: groupMembers.joinedAt,
          name: users.name,
          email: users.email,
        })
        .from(groupMembers)
        .innerJoin(users, eq(users.id, groupMembers.userId))
        .where(eq(groupMembers.groupId, groupId))
        .orderBy(
          sql`case ${groupMembers.role} when 'owner' then 0 when 'admin' then 1 else 2 end`,
          asc(groupMembers.joinedAt),
          asc(users.name),
        )
    },

    /**
     * Locks the membership rows of these users (in one order, so two transactions never
     * wait on each other) and returns their roles as they are now.
     */
    async lockRoles(groupId: string, userIds: string[]): Promise<Map<string, GroupRole>> {
      const rows = await db
        .select({ userId: groupMembers.userId, role: groupMembers.role })
        .from(groupMembers)
        .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.userId, userIds)))
        .orderBy(asc(groupMembers.userId))
        .for('update')
      return new Map(rows.map((row) => [row.userId, row.role]))
    },

    async setRole(groupId: string, userId: string, role: GroupRole): Promise<void> {
      await db
        .update(groupMembers)
        .set({ role })
        .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    },

    /** Adds a member; returns false when they already were one. */
    async addMember(groupId: string, userId: string, role: GroupRole): Promise<boolean> {
      const added = await db
        .insert(groupMembers)
        .values({ groupId, userId, role })
        .onConflictDoNothing()
        .returning({ userId: groupMembers.userId })
      return added.length > 0
    },

    async removeMember(groupId: string, userId: string): Promise<void> {
      await db
        .delete(groupMembers)
        .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)))
    },

    async insertInvitation(row: typeof groupInvitations.$inferInsert): Promise<InvitationRow> {
      const [saved] = await db.insert(groupInvitations).values(row).returning()
      if (!saved) throw new Error('insert returned no row')
      return saved
    },

    async findInvitations(groupId: string) {
      return db
        .select({ invitation: groupInvitations, invitedByName: users.name })
        .from(groupInvitations)
        .innerJoin(users, eq(users.id, groupInvitations.invitedBy))
        .where(eq(groupInvitations.groupId, groupId))
        .orderBy(desc(groupInvitations.createdAt))
    },

    async findInvitationByToken(token: string) {
      const [row] = await db
        .select({ invitation: groupInvitations, invitedByName: users.name, group: groups })
        .from(groupInvitations)
        .innerJoin(users, eq(users.id, groupInvitations.invitedBy))
        .innerJoin(groups, eq(groups.id, groupInvitations.groupId))
        .where(and(eq(groupInvitations.token, token), live))
      return row ?? null
    },

    /** Marks a pending invitation accepted; false when it no longer was pending. */
    async markInvitationAccepted(id: string, userId: string, now: Date): Promise<boolean> {
      const updated = await db
        .update(groupInvitations)
        .set({ acceptedAt: now, acceptedBy: userId })
        .where(
          and(
            eq(groupInvitations.id, id),
            isNull(groupInvitations.acceptedAt),
            isNull(groupInvitations.revokedAt),
            sql`${groupInvitations.expiresAt} > ${now.toISOString()}`,
          ),
        )
        .returning({ id: groupInvitations.id })
      return updated.length > 0
    },

    async revokeInvitation(groupId: string, id: string): Promise<boolean> {
      const updated = await db
        .update(groupInvitations)
        .set({ revokedAt: new Date() })
        .where(
          and(
            eq(groupInvitations.id, id),
            eq(groupInvitations.groupId, groupId),
            isNull(groupInvitations.acceptedAt),
            isNull(groupInvitations.revokedAt),
          ),
        )
        .returning({ id: groupInvitations.id })
      return updated.length > 0
    },

    async insertJoinRequest(
      groupId: string,
      userId: string,
      message: string | null,
    ): Promise<string | null> {
      // A second request while one is pending changes nothing (partial unique index): null.
      const [row] = await db
        .insert(groupJoinRequests)
        .values({ groupId, userId, message })
        .onConflictDoNothing()
        .returning({ id: groupJoinRequests.id })
      return row?.id ?? null
    },

    async hasPendingJoinRequest(groupId: string, userId: string): Promise<boolean> {
      const [row] = await db
        .select({ n: count() })
        .from(groupJoinRequests)
        .where(
          and(
            eq(groupJoinRequests.groupId, groupId),
            eq(groupJoinRequests.userId, userId),
            eq(groupJoinRequests.status, 'pending'),
          ),
        )
      return (row?.n ?? 0) > 0
    },

    async findPendingJoinRequests(groupId: string) {
      return db
        .select({ request: groupJoinRequests, name: users.name, email: users.email })
        .from(groupJoinRequests)
        .innerJoin(users, eq(users.id, groupJoinRequests.userId))
        .where(and(eq(groupJoinRequests.groupId, groupId), eq(groupJoinRequests.status, 'pending')))
        .orderBy(asc(groupJoinRequests.createdAt))
    },

    /** Decides a pending request; null when it was not pending (or not in this group). */
    async decideJoinRequest(
      groupId: string,
      requestId: string,
      status: 'approved' | 'rejected',
      decidedBy: string,
    ) {
      const [row] = await db
        .update(groupJoinRequests)
        .set({ status, decidedBy, decidedAt: new Date() })
        .where(
          and(
            eq(groupJoinRequests.id, requestId),
            eq(groupJoinRequests.groupId, groupId),
            eq(groupJoinRequests.status, 'pending'),
          ),
        )
        .returning()
      if (!row) return null
      const [user] = await db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, row.userId))
      return { request: row, name: user?.name ?? '', email: user?.email ?? '' }
    },
  }
}

export type GroupQueries = ReturnType<typeof groupQueries>

export function createGroupsRepository(db: Database) {
  return {
    ...groupQueries(db),
    /** Runs `work` in one transaction, with the queries bound to it. */
    transaction<T>(work: (queries: GroupQueries) => Promise<T>): Promise<T> {
      return db.transaction((tx) => work(groupQueries(tx as unknown as Database)))
    },
  }
}

export type GroupsRepository = ReturnType<typeof createGroupsRepository>
