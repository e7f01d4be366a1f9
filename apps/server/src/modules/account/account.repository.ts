import type { GroupRole } from '@loopquiz/contract'
import { and, count, eq, inArray, isNotNull, isNull, notInArray, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { groupMembers, groups } from '../../db/schema/groups.ts'
import { loops } from '../../db/schema/loops.ts'
import { attempts, questionSets } from '../../db/schema/quizzes.ts'
import { groupQuizSessions } from '../../db/schema/sessions.ts'

export interface MembershipRow {
  groupId: string
  name: string
  role: GroupRole
  memberCount: number
}

/** The owner of a session's group, other than the leaving user; null when there is none. */
// Written out: drizzle may leave column names unqualified inside sql, and here they would
// resolve to group_members' own columns.
const otherOwnerOfSessionGroup = sql<string | null>`(
  select group_members.user_id from group_members
  where group_members.group_id = group_quiz_sessions.group_id
    and group_members.role = 'owner'
    and group_members.user_id <> group_quiz_sessions.created_by
)`

const deletedGroupIds = sql`(select groups.id from groups where groups.deleted_at is not null)`

export function createAccountRepository(db: Database) {
  async function countOf(query: Promise<{ value: number }[]>): Promise<number> {
    const [row] = await query
    return row?.value ?? 0
  }

  return {
    /** The user's groups that are not deleted, with their role and how many members each has. */
    async findMemberships(userId: string): Promise<MembershipRow[]> {
      return db
        .select({
          groupId: groups.id,
          name: groups.name,
          role: groupMembers.role,
          memberCount:
            sql<number>`(select count(*) from group_members as others where others.group_id = groups.id)`.mapWith(
              Number,
            ),
        })
        .from(groupMembers)
        .innerJoin(groups, eq(groups.id, groupMembers.groupId))
        .where(and(eq(groupMembers.userId, userId), isNull(groups.deletedAt)))
        .orderBy(groups.name)
    },

    async countLoops(userId: string): Promise<number> {
      return countOf(db.select({ value: count() }).from(loops).where(eq(loops.ownerId, userId)))
    },

    /** Quiz links the user shared; the copies group sessions take have a group and are not counted. */
    async countSharedQuizzes(userId: string): Promise<{ quizzes: number; attempts: number }> {
      const own = and(eq(questionSets.ownerId, userId), isNull(questionSets.groupId))
      const quizzes = await countOf(db.select({ value: count() }).from(questionSets).where(own))
      const attemptsOnThem = await countOf(
        db
          .select({ value: count() })
          .from(attempts)
          .innerJoin(questionSets, eq(questionSets.id, attempts.questionSetId))
          .where(own),
      )
      return { quizzes, attempts: attemptsOnThem }
    },

    async countGroupSessionResults(userId: string): Promise<number> {
      return countOf(
        db
          .select({ value: count() })
          .from(attempts)
          .where(and(eq(attempts.userId, userId), isNotNull(attempts.sessionId))),
      )
    },

    /** Sessions the user created in groups that stay (not deleted, not among `leavingGroupIds`). */
    async countHostedSessionsKept(userId: string, leavingGroupIds: string[]): Promise<number> {
      return countOf(
        db
          .select({ value: count() })
          .from(groupQuizSessions)
          .innerJoin(groups, eq(groups.id, groupQuizSessions.groupId))
          .where(
            and(
              eq(groupQuizSessions.createdBy, userId),
              isNull(groups.deletedAt),
              leavingGroupIds.length > 0 ? notInArray(groups.id, leavingGroupIds) : undefined,
              sql`${otherOwnerOfSessionGroup} is not null`,
            ),
          ),
      )
    },

    /**
     * Clears the references to the user that have no ON DELETE rule (a session's host and
     * approver), in one transaction: a session in a group that stays passes, with its copy of
     * the questions, to the group's owner; a session in a deleted group (or one with no other
     * owner) is deleted.
     */
    async releaseSessions(userId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(groupQuizSessions)
          .set({ approvedBy: null })
          .where(eq(groupQuizSessions.approvedBy, userId))
        await tx
          .delete(groupQuizSessions)
          .where(
            and(
              eq(groupQuizSessions.createdBy, userId),
              or(
                inArray(groupQuizSessions.groupId, deletedGroupIds),
                sql`${otherOwnerOfSessionGroup} is null`,
              ),
            ),
          )
        const kept = await tx
          .update(groupQuizSessions)
          .set({ createdBy: otherOwnerOfSessionGroup, updatedAt: new Date() })
          .where(eq(groupQuizSessions.createdBy, userId))
          .returning({ questionSetId: groupQuizSessions.questionSetId })
        const keptSetIds = [...new Set(kept.map((session) => session.questionSetId))]
        if (keptSetIds.length === 0) return
        // The session copy follows its sessions: otherwise it would go with the user's shares.
        await tx
          .update(questionSets)
          .set({
            ownerId: sql`(select group_members.user_id from group_members
              where group_members.group_id = question_sets.group_id and group_members.role = 'owner')`,
          })
          .where(
            and(
              inArray(questionSets.id, keptSetIds),
              eq(questionSets.ownerId, userId),
              isNotNull(questionSets.groupId),
            ),
          )
      })
    },
  }
}

export type AccountRepository = ReturnType<typeof createAccountRepository>
