import type { GroupAttention, MyJoinRequest, UserAttentionItem } from '@loopquiz/contract'
import type { AuthUser } from '../../auth/auth.ts'
import { type Actor, can, type GroupContext } from '../../domain/permissions.ts'
import { AppError } from '../../lib/app-error.ts'
import type { AttentionRepository, PendingCounts } from './attention.repository.ts'
import type { GroupsRepository } from './groups.repository.ts'

type Viewer = Pick<AuthUser, 'id'>

export interface AttentionServiceDeps {
  attention: AttentionRepository
  groups: GroupsRepository
  now?: () => Date
  /** Told when a count owners and admins see changes in a group (pushed to whoever watches it). */
  onChange?: (groupId: string) => void
}

const nothingPending: PendingCounts = { joinRequests: 0, sessionsToApprove: 0 }

/** What this actor may decide in the group: each count only for those who may act on it. */
function mayDecide(actor: Actor, group: GroupContext) {
  return {
    joinRequests: can(actor, 'review_join_requests', group),
    sessionsToApprove: can(actor, 'approve_sessions', group),
  }
}

/**
 * The owner and admin to-dos: join requests and sessions waiting for a decision, and a member's
 * own requests to join, which they may withdraw while they wait.
 */
export function createAttentionService({
  attention,
  groups,
  now = () => new Date(),
  onChange = () => {},
}: AttentionServiceDeps) {
  return {
    /** The counts of one group as this member may see them; null where they may not decide. */
    async forGroup(groupId: string, actor: Actor, group: GroupContext): Promise<GroupAttention> {
      const may = mayDecide(actor, group)
      if (!may.joinRequests && !may.sessionsToApprove) {
        return { joinRequests: null, sessionsToApprove: null }
      }
      const counts = (await attention.countPending([groupId], now())).get(groupId) ?? nothingPending
      return {
        joinRequests: may.joinRequests ? counts.joinRequests : null,
        sessionsToApprove: may.sessionsToApprove ? counts.sessionsToApprove : null,
      }
    },

    /** The viewer's groups where something waits for them, in the order of their group list. */
    async findForUser(viewer: Viewer): Promise<UserAttentionItem[]> {
      const managed = (await groups.findGroupsOfUser(viewer.id))
        .map(({ group, role }) => ({ group, may: mayDecide({ kind: 'member', role }, group) }))
        .filter(({ may }) => may.joinRequests || may.sessionsToApprove)
      const counts = await attention.countPending(
        managed.map(({ group }) => group.id),
        now(),
      )
      return managed
        .map(({ group, may }) => {
          const pending = counts.get(group.id) ?? nothingPending
          return {
            groupId: group.id,
            groupName: group.name,
            joinRequests: may.joinRequests ? pending.joinRequests : 0,
            sessionsToApprove: may.sessionsToApprove ? pending.sessionsToApprove : 0,
          }
        })
        .filter((item) => item.joinRequests + item.sessionsToApprove > 0)
    },

    async findMyJoinRequests(viewer: Viewer): Promise<MyJoinRequest[]> {
      const rows = await attention.findPendingJoinRequestsOf(viewer.id)
      return rows.map(({ request, groupName }) => ({
        id: request.id,
        groupId: request.groupId,
        groupName,
        message: request.message,
        createdAt: request.createdAt.toISOString(),
      }))
    },

    /**
     * Deletes the viewer's own pending request: the status list has no "withdrawn", and a
     * withdrawn request leaves nothing anyone needs. Approved and rejected ones stay as history.
     */
    async withdrawJoinRequest(viewer: Viewer, requestId: string): Promise<void> {
      const groupId = await attention.deletePendingJoinRequest(requestId, viewer.id)
      if (groupId !== null) return onChange(groupId)
      const status = await attention.findJoinRequestStatus(requestId, viewer.id)
      if (status === null) {
        // Someone else's request looks the same as none at all.
        throw new AppError('JOIN_REQUEST_NOT_FOUND', {
          message: 'You have no request to join with this id.',
        })
      }
      throw new AppError('JOIN_REQUEST_NOT_PENDING', {
        message: `This request was already ${status}, so it can no longer be withdrawn.`,
      })
    },
  }
}

export type AttentionService = ReturnType<typeof createAttentionService>
