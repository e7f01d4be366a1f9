import type { GroupPrivacy, GroupRole, GroupSettings, PermissionLevel } from '@loopquiz/contract'

/**
 * Who is asking, relative to one group: a member with a role, a signed-in user who is
 * not a member, or an anonymous caller.
 */
export type Actor =
  | { kind: 'member'; role: GroupRole }
  | { kind: 'non_member' }
  | { kind: 'anonymous' }

export interface GroupContext {
  privacy: GroupPrivacy
  settings: GroupSettings
}

export const groupActions = [
  'view_group',
  'view_members',
  'view_member_emails',
  'edit_group',
  'edit_settings',
  'delete_group',
  'transfer_ownership',
  'invite_members',
  'manage_join_code',
  'review_join_requests',
  'change_roles',
  'remove_members',
  'leave_group',
  'join_directly',
  'request_to_join',
  'create_instant_session',
  'schedule_session',
  'approve_sessions',
  'cancel_any_session',
  'view_results',
  'view_analytics',
] as const
export type GroupAction = (typeof groupActions)[number]

const rank: Record<GroupRole, number> = { member: 1, admin: 2, owner: 3 }

function atLeast(actor: Actor, role: GroupRole): boolean {
  return actor.kind === 'member' && rank[actor.role] >= rank[role]
}

function meetsLevel(actor: Actor, level: PermissionLevel): boolean {
  return atLeast(actor, level === 'all_members' ? 'member' : level)
}

/** Every rule of who may do what in a group. Routes ask; none re-implements a rule. */
export function can(actor: Actor, action: GroupAction, group: GroupContext): boolean {
  switch (action) {
    case 'view_group':
    case 'view_members':
    case 'view_results':
    case 'view_analytics':
      return atLeast(actor, 'member')
    // Members see each other's names; addresses are for those who run the group.
    case 'view_member_emails':
    case 'edit_group':
    case 'edit_settings':
    case 'invite_members':
    case 'manage_join_code':
    case 'review_join_requests':
    case 'remove_members':
    case 'approve_sessions':
    case 'cancel_any_session':
      return atLeast(actor, 'admin')
    case 'delete_group':
    case 'transfer_ownership':
    case 'change_roles':
      return atLeast(actor, 'owner')
    case 'leave_group':
      // The owner hands the group over before leaving: a group always has one owner.
      return actor.kind === 'member' && actor.role !== 'owner'
    case 'join_directly':
      return actor.kind === 'non_member' && group.privacy === 'public'
    case 'request_to_join':
      return actor.kind === 'non_member' && group.privacy === 'private'
    case 'create_instant_session':
      return meetsLevel(actor, group.settings.instant_session_permission)
    case 'schedule_session':
      return meetsLevel(actor, group.settings.session_creation_permission)
  }
}

/**
 * Owners manage admins, admins manage members: nobody removes someone of equal or
 * higher role, and the owner is never removed (ownership is transferred instead).
 */
export function canRemoveMember(actorRole: GroupRole, targetRole: GroupRole): boolean {
  return (
    targetRole !== 'owner' && rank[actorRole] > rank[targetRole] && rank[actorRole] >= rank.admin
  )
}

/** Only the owner promotes members to admin or demotes admins; ownership moves by transfer. */
export function canChangeRole(
  actorRole: GroupRole,
  targetRole: GroupRole,
  newRole: GroupRole,
): boolean {
  return actorRole === 'owner' && targetRole !== 'owner' && newRole !== 'owner'
}

/** Admins invite members; only the owner invites someone straight in as an admin. */
export function canInviteAs(actorRole: GroupRole, invitedRole: 'admin' | 'member'): boolean {
  return invitedRole === 'admin' ? actorRole === 'owner' : rank[actorRole] >= rank.admin
}

/** A scheduled session by a plain member waits for an owner or admin when the group says so. */
export function sessionNeedsApproval(creatorRole: GroupRole, settings: GroupSettings): boolean {
  return settings.session_approval_required && creatorRole === 'member'
}

export type SessionAction = 'edit' | 'cancel' | 'start' | 'end' | 'approve' | 'host'

/**
 * Who may act on one session: owners and admins on any; its creator on their own
 * (edit, cancel, start early, end early, host it live, extend it); approving is for owners and
 * admins alone.
 */
export function canActOnSession(
  actor: Actor,
  action: SessionAction,
  group: GroupContext,
  isCreator: boolean,
): boolean {
  if (actor.kind !== 'member') return false
  if (action === 'approve') return can(actor, 'approve_sessions', group)
  return isCreator || can(actor, 'cancel_any_session', group)
}

/**
 * How a session, or a change to its time, comes about. `start_early`: started by hand before its
 * planned time; `series_extension`: an occurrence the scheduler adds to an open-ended series.
 */
export type SessionOrigin =
  | 'schedule'
  | 'reschedule'
  | 'instant'
  | 'start_early'
  | 'series_extension'

/** Which of the group's rules a session (or a time change) must pass. */
export interface SessionRules {
  /** It must wait for an owner or admin: a new request, or an approved one sent back. */
  needsApproval: boolean
  /** The start must be advance_notice_hours ahead. */
  checkNotice: boolean
  /** It must fit the allowed time slots. */
  checkSlots: boolean
}

/**
 * The group's rules for sessions, in one table. Planned sessions and their time changes meet
 * every rule. Starting now (instant, or early) is what scheduling at that moment would be for a
 * member, so it cannot skip approval, notice or slots; owners and admins, who set those rules,
 * may start a session at any time. Occurrences added to a series later are checked against the
 * slots as they are then; their approval follows the series (decided by the caller).
 */
export function sessionRulesFor(
  role: GroupRole,
  settings: GroupSettings,
  origin: SessionOrigin,
): SessionRules {
  const needsApproval = sessionNeedsApproval(role, settings)
  const isManager = rank[role] >= rank.admin
  switch (origin) {
    case 'schedule':
    case 'reschedule':
      return { needsApproval, checkNotice: true, checkSlots: true }
    case 'instant':
      // Notice is about planning ahead; an instant session has none by nature.
      return { needsApproval, checkNotice: false, checkSlots: !isManager }
    case 'start_early':
      return { needsApproval, checkNotice: !isManager, checkSlots: !isManager }
    case 'series_extension':
      return { needsApproval, checkNotice: false, checkSlots: true }
  }
}
