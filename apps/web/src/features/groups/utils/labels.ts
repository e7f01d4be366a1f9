import type { GroupPrivacy, GroupRole, PermissionLevel } from '@loopquiz/contract'

export const roleLabels: Record<GroupRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
}

export const permissionLevelLabels: Record<PermissionLevel, string> = {
  owner: 'Owner only',
  admin: 'Owner and admins',
  all_members: 'All members',
}

export const privacyLabels: Record<GroupPrivacy, { title: string; description: string }> = {
  private: {
    title: 'Private',
    description: 'People ask to join with the link, or are invited by email.',
  },
  public: {
    title: 'Public',
    description: 'Anyone with the join link can join straight away.',
  },
}

export function memberCountLabel(count: number): string {
  return `${count} ${count === 1 ? 'member' : 'members'}`
}
