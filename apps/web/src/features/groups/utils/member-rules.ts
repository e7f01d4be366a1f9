import type { Group, GroupRole, Member } from '@loopquiz/contract'

const rank: Record<GroupRole, number> = { member: 1, admin: 2, owner: 3 }

/**
 * Which controls to show on a member's row. The server decides (domain/permissions.ts);
 * this only hides buttons it would refuse: owners manage admins, admins manage members,
 * nobody acts on the owner or on themselves here.
 */
export function memberActionsFor(group: Group, member: Member, currentUserId: string) {
  const isOther = member.userId !== currentUserId && member.role !== 'owner'
  return {
    canChangeRole: isOther && group.capabilities.canChangeRoles,
    canRemove:
      isOther && group.capabilities.canRemoveMembers && rank[group.myRole] > rank[member.role],
  }
}
