import type { AccountDeletionPreview } from '@loopquiz/contract'
import type { AuthUser } from '../../auth/auth.ts'
import { AppError } from '../../lib/app-error.ts'
import type { GroupsService } from '../groups/groups.service.ts'
import type { AccountRepository, MembershipRow } from './account.repository.ts'

type Viewer = Pick<AuthUser, 'id' | 'email' | 'name'>

export interface AccountServiceDeps {
  account: AccountRepository
  groups: Pick<GroupsService, 'delete'>
}

/** "Study circle", "Study circle and Book club", "A, B and C". */
function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

function sortMemberships(memberships: MembershipRow[]) {
  const owned = memberships.filter((membership) => membership.role === 'owner')
  return {
    // Nobody else is in them: they go with the account.
    alone: owned.filter((membership) => membership.memberCount <= 1),
    // A group is never left without an owner: these need a transfer first.
    withMembers: owned.filter((membership) => membership.memberCount > 1),
    left: memberships.filter((membership) => membership.role !== 'owner'),
  }
}

const named = ({ groupId, name }: MembershipRow) => ({ id: groupId, name })

export function createAccountService({ account, groups }: AccountServiceDeps) {
  return {
    async previewDeletion(userId: string): Promise<AccountDeletionPreview> {
      const { alone, withMembers, left } = sortMemberships(await account.findMemberships(userId))
      const shared = await account.countSharedQuizzes(userId)
      return {
        loops: await account.countLoops(userId),
        sharedQuizzes: shared.quizzes,
        attemptsOnSharedQuizzes: shared.attempts,
        groupSessionResults: await account.countGroupSessionResults(userId),
        hostedSessionsKept: await account.countHostedSessionsKept(
          userId,
          alone.map((membership) => membership.groupId),
        ),
        groupsDeleted: alone.map(named),
        groupsLeft: left.map(named),
        groupsToTransfer: withMembers.map(named),
        isBlocked: withMembers.length > 0,
      }
    },

    /**
     * Runs before the user row is deleted (its foreign keys then cascade): refuses while the
     * user owns a group others are in, deletes the groups they are alone in the way deleting a
     * group does (open sessions cancelled), and hands their sessions in other groups over.
     */
    async prepareDeletion(viewer: Viewer): Promise<void> {
      const { alone, withMembers } = sortMemberships(await account.findMemberships(viewer.id))
      if (withMembers.length > 0) {
        const names = withMembers.map((membership) => membership.name)
        throw new AppError('OWNER_MUST_TRANSFER', {
          message: `Transfer ownership of ${listNames(names)} first, or delete ${names.length === 1 ? 'the group' : 'those groups'}.`,
          details: withMembers.map(named),
        })
      }
      for (const membership of alone) await groups.delete(membership.groupId, viewer)
      await account.releaseSessions(viewer.id)
    },
  }
}

export type AccountService = ReturnType<typeof createAccountService>
