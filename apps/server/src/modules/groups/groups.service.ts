import type {
  CreateGroupBody,
  CreateInvitationBody,
  Group,
  GroupRole,
  GroupSettings,
  GroupSummary,
  Invitation,
  InvitationPreview,
  JoinPreview,
  JoinRequest,
  JoinResult,
  Member,
  UpdateGroupBody,
  UserGroup,
} from '@loopquiz/contract'
import { defaultGroupSettings } from '@loopquiz/contract'
import type { AuthUser } from '../../auth/auth.ts'
import {
  type Actor,
  can,
  canChangeRole,
  canInviteAs,
  canRemoveMember,
  type GroupAction,
} from '../../domain/permissions.ts'
import { AppError } from '../../lib/app-error.ts'
import { newJoinCode, newSecretToken } from '../../lib/tokens.ts'
import type { AttentionService } from './attention.ts'
import type {
  GroupQueries,
  GroupRow,
  GroupsRepository,
  InvitationRow,
  JoinRequestRow,
} from './groups.repository.ts'
import { maskEmail } from './mask-email.ts'

type Viewer = Pick<AuthUser, 'id' | 'email' | 'name'>

export interface GroupsServiceDeps {
  groups: GroupsRepository
  attention: AttentionService
  publicUrl: string
  now?: () => Date
  /** Told when a join request appears or is decided; `userIds`: people affected besides the group's deciders. */
  onAttentionChange?: (groupId: string, userIds?: string[]) => void
  /** Told after a join request is made or decided (it commits first), with its id. */
  onJoinRequest?: (requestId: string, event: 'requested' | 'decided') => void
  /** Told after an invitation is made (it commits first), so that it is sent. */
  onInvitation?: (invitationId: string) => void
}

const groupNotFound = () =>
  new AppError('GROUP_NOT_FOUND', { message: 'No group with this id has you as a member.' })

const forbidden = (message: string) => new AppError('FORBIDDEN', { message })

const memberNotFound = () =>
  new AppError('MEMBER_NOT_FOUND', { message: 'That user is not a member of this group.' })

/** Both people's roles, read under row locks: the rules then judge the roles as they are now. */
async function lockPair(tx: GroupQueries, groupId: string, actorId: string, targetId: string) {
  const roles = await tx.lockRoles(groupId, [actorId, targetId])
  const targetRole = roles.get(targetId)
  if (!targetRole) throw memberNotFound()
  return { actorRole: roles.get(actorId), targetRole }
}

function capabilitiesOf(actor: Actor, group: GroupRow): Group['capabilities'] {
  const allowed = (action: GroupAction) => can(actor, action, group)
  return {
    canEditGroup: allowed('edit_group'),
    canEditSettings: allowed('edit_settings'),
    canDeleteGroup: allowed('delete_group'),
    canTransferOwnership: allowed('transfer_ownership'),
    canInviteMembers: allowed('invite_members'),
    canManageJoinCode: allowed('manage_join_code'),
    canReviewJoinRequests: allowed('review_join_requests'),
    canChangeRoles: allowed('change_roles'),
    canRemoveMembers: allowed('remove_members'),
    canLeave: allowed('leave_group'),
    canCreateInstantSession: allowed('create_instant_session'),
    canScheduleSession: allowed('schedule_session'),
    canApproveSessions: allowed('approve_sessions'),
  }
}

function invitationStatus(row: InvitationRow, now: Date): Invitation['status'] {
  if (row.acceptedAt) return 'accepted'
  if (row.revokedAt) return 'revoked'
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'pending'
}

function toJoinRequest(row: { request: JoinRequestRow; name: string; email: string }): JoinRequest {
  return {
    id: row.request.id,
    userId: row.request.userId,
    name: row.name,
    email: row.email,
    message: row.request.message,
    status: row.request.status,
    createdAt: row.request.createdAt.toISOString(),
  }
}

export function createGroupsService({
  groups,
  attention,
  publicUrl,
  now = () => new Date(),
  onAttentionChange: attentionChanged = () => {},
  onJoinRequest = () => {},
  onInvitation = () => {},
}: GroupsServiceDeps) {
  const invitationUrl = (token: string) => `${publicUrl}/invitations/${token}`

  async function toGroup(group: GroupRow, role: GroupRole, memberCount: number): Promise<Group> {
    const actor: Actor = { kind: 'member', role }
    return {
      id: group.id,
      name: group.name,
      description: group.description,
      privacy: group.privacy,
      timezone: group.timezone,
      tags: group.tags,
      settings: group.settings,
      memberCount,
      myRole: role,
      joinCode: can(actor, 'manage_join_code', group) ? group.joinCode : null,
      capabilities: capabilitiesOf(actor, group),
      attention: await attention.forGroup(group.id, actor, group),
      createdAt: group.createdAt.toISOString(),
    }
  }

  /**
   * The group as the viewer may see it, and their role. A non-member learns nothing,
   * not even that the group exists.
   */
  async function membership(groupId: string, viewer: Viewer) {
    const found = await groups.findGroup(groupId)
    const role = found ? await groups.findRole(groupId, viewer.id) : null
    if (!found || !role) throw groupNotFound()
    return { ...found, role, actor: { kind: 'member', role } as Actor }
  }

  async function authorize(groupId: string, viewer: Viewer, action: GroupAction, refusal: string) {
    const found = await membership(groupId, viewer)
    if (!can(found.actor, action, found.group)) throw forbidden(refusal)
    return found
  }

  async function reload(groupId: string, viewer: Viewer): Promise<Group> {
    const found = await membership(groupId, viewer)
    return toGroup(found.group, found.role, found.memberCount)
  }

  /** The members as this viewer may see them: e-mail addresses only for those who may. */
  async function listMembers(
    groupId: string,
    viewer: { actor: Actor; group: GroupRow },
  ): Promise<Member[]> {
    const showEmails = can(viewer.actor, 'view_member_emails', viewer.group)
    const rows = await groups.findMembers(groupId)
    return rows.map((row) => ({
      ...row,
      email: showEmails ? row.email : null,
      joinedAt: row.joinedAt.toISOString(),
    }))
  }

  async function uniqueJoinCode(): Promise<string> {
    for (;;) {
      const code = newJoinCode()
      if (!(await groups.findGroupByJoinCode(code))) return code
    }
  }

  return {
    /** Rules for other modules (sessions): who the viewer is in this group, or 404. */
    membership,

    /** A live group's row, for other modules' background work (no viewer). */
    async findGroupRow(groupId: string): Promise<GroupRow | null> {
      return (await groups.findGroup(groupId))?.group ?? null
    },

    /** A user's role in a live group, or null: for other modules. */
    async roleOf(groupId: string, userId: string): Promise<GroupRole | null> {
      return (await groups.findGroup(groupId)) ? groups.findRole(groupId, userId) : null
    },

    /** The viewer's groups with their role in each, for other modules. */
    async memberships(viewer: Viewer): Promise<{ group: GroupRow; role: GroupRole }[]> {
      const rows = await groups.findGroupsOfUser(viewer.id)
      return rows.map(({ group, role }) => ({ group, role }))
    },

    async create(viewer: Viewer, body: CreateGroupBody): Promise<Group> {
      // Outside the transaction: PGlite has one connection, so a query beside an open
      // transaction would wait for it forever.
      const joinCode = await uniqueJoinCode()
      const group = await groups.transaction((tx) =>
        tx.insertGroup(
          {
            name: body.name,
            description: body.description,
            privacy: body.privacy,
            timezone: body.timezone,
            tags: body.tags,
            settings: body.settings ?? defaultGroupSettings,
            joinCode,
            createdBy: viewer.id,
          },
          viewer.id,
        ),
      )
      return toGroup(group, 'owner', 1)
    },

    async findMine(viewer: Viewer): Promise<GroupSummary[]> {
      const rows = await groups.findGroupsOfUser(viewer.id)
      return rows.map(({ group, role, memberCount }) => ({
        id: group.id,
        name: group.name,
        description: group.description,
        privacy: group.privacy,
        tags: group.tags,
        memberCount,
        myRole: role,
      }))
    },

    async findForExtension(viewer: Viewer): Promise<UserGroup[]> {
      const rows = await groups.findGroupsOfUser(viewer.id)
      return rows.map(({ group, role, memberCount }) => {
        const actor: Actor = { kind: 'member', role }
        return {
          id: group.id,
          name: group.name,
          role,
          member_count: memberCount,
          can_create_instant: can(actor, 'create_instant_session', group),
          can_schedule: can(actor, 'schedule_session', group),
        }
      })
    },

    get: reload,

    async update(groupId: string, viewer: Viewer, changes: UpdateGroupBody): Promise<Group> {
      await authorize(
        groupId,
        viewer,
        'edit_group',
        'Only the owner and admins can edit the group.',
      )
      await groups.updateGroup(groupId, changes)
      return reload(groupId, viewer)
    },

    async updateSettings(groupId: string, viewer: Viewer, settings: GroupSettings): Promise<Group> {
      await authorize(
        groupId,
        viewer,
        'edit_settings',
        'Only the owner and admins can change session settings.',
      )
      await groups.updateGroup(groupId, { settings })
      return reload(groupId, viewer)
    },

    async delete(groupId: string, viewer: Viewer): Promise<void> {
      await authorize(groupId, viewer, 'delete_group', 'Only the owner can delete the group.')
      await groups.softDeleteGroup(groupId)
    },

    async findMembers(groupId: string, viewer: Viewer): Promise<Member[]> {
      const found = await authorize(
        groupId,
        viewer,
        'view_members',
        'You cannot see the members of this group.',
      )
      return listMembers(groupId, found)
    },

    async changeRole(
      groupId: string,
      viewer: Viewer,
      userId: string,
      role: 'admin' | 'member',
    ): Promise<Member> {
      const found = await authorize(
        groupId,
        viewer,
        'change_roles',
        'Only the owner can change roles.',
      )
      await groups.transaction(async (tx) => {
        const { actorRole, targetRole } = await lockPair(tx, groupId, viewer.id, userId)
        if (!actorRole || !canChangeRole(actorRole, targetRole, role)) {
          throw forbidden(
            'Only the owner can change roles, and the owner’s own role moves only by transfer.',
          )
        }
        await tx.setRole(groupId, userId, role)
      })
      const member = (await listMembers(groupId, found)).find((m) => m.userId === userId)
      if (!member) throw memberNotFound()
      return member
    },

    async removeMember(groupId: string, viewer: Viewer, userId: string): Promise<void> {
      await authorize(
        groupId,
        viewer,
        'remove_members',
        'Only the owner and admins can remove members.',
      )
      await groups.transaction(async (tx) => {
        const { actorRole, targetRole } = await lockPair(tx, groupId, viewer.id, userId)
        if (targetRole === 'owner') {
          throw new AppError('OWNER_MUST_TRANSFER', {
            message: 'The owner cannot be removed; ownership must be transferred first.',
          })
        }
        if (!actorRole || !canRemoveMember(actorRole, targetRole)) {
          throw forbidden('You can only remove members of a lower role than yours.')
        }
        await tx.removeMember(groupId, userId)
      })
    },

    async leave(groupId: string, viewer: Viewer): Promise<void> {
      await membership(groupId, viewer)
      await groups.transaction(async (tx) => {
        const role = (await tx.lockRoles(groupId, [viewer.id])).get(viewer.id)
        if (!role) throw groupNotFound()
        if (role === 'owner') {
          throw new AppError('OWNER_MUST_TRANSFER', {
            message: 'Transfer ownership to another member before you leave the group.',
          })
        }
        await tx.removeMember(groupId, viewer.id)
      })
    },

    async transferOwnership(groupId: string, viewer: Viewer, userId: string): Promise<Member[]> {
      await authorize(
        groupId,
        viewer,
        'transfer_ownership',
        'Only the owner can transfer ownership.',
      )
      if (userId === viewer.id) throw forbidden('You already own this group.')
      await groups.transaction(async (tx) => {
        // Re-read under lock: a concurrent transfer may already have moved ownership.
        const { actorRole } = await lockPair(tx, groupId, viewer.id, userId)
        if (actorRole !== 'owner') throw forbidden('Only the owner can transfer ownership.')
        await tx.setRole(groupId, viewer.id, 'admin')
        await tx.setRole(groupId, userId, 'owner')
      })
      // Seen by the former owner, now an admin.
      return listMembers(groupId, await membership(groupId, viewer))
    },

    async invite(groupId: string, viewer: Viewer, body: CreateInvitationBody): Promise<Invitation> {
      const { role } = await authorize(
        groupId,
        viewer,
        'invite_members',
        'Only the owner and admins can invite.',
      )
      if (!canInviteAs(role, body.role))
        throw forbidden('Only the owner can invite someone as an admin.')
      const invitation = await groups.insertInvitation({
        groupId,
        token: newSecretToken(),
        email: body.email.toLowerCase(),
        role: body.role,
        invitedBy: viewer.id,
        expiresAt: new Date(now().getTime() + body.expiresInDays * 86_400_000),
      })
      onInvitation(invitation.id)
      return {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        status: invitationStatus(invitation, now()),
        url: invitationUrl(invitation.token),
        invitedByName: viewer.name,
        expiresAt: invitation.expiresAt.toISOString(),
        createdAt: invitation.createdAt.toISOString(),
      }
    },

    async findInvitations(groupId: string, viewer: Viewer): Promise<Invitation[]> {
      await authorize(
        groupId,
        viewer,
        'invite_members',
        'Only the owner and admins can see invitations.',
      )
      const rows = await groups.findInvitations(groupId)
      return rows.map(({ invitation, invitedByName }) => ({
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        status: invitationStatus(invitation, now()),
        url: invitationUrl(invitation.token),
        invitedByName,
        expiresAt: invitation.expiresAt.toISOString(),
        createdAt: invitation.createdAt.toISOString(),
      }))
    },

    async revokeInvitation(groupId: string, viewer: Viewer, invitationId: string): Promise<void> {
      await authorize(
        groupId,
        viewer,
        'invite_members',
        'Only the owner and admins can revoke invitations.',
      )
      if (!(await groups.revokeInvitation(groupId, invitationId))) {
        throw new AppError('INVITATION_NOT_FOUND', {
          message: 'No pending invitation with this id in this group.',
        })
      }
    },

    async previewInvitation(token: string): Promise<InvitationPreview> {
      const found = await groups.findInvitationByToken(token)
      if (!found)
        throw new AppError('INVITATION_NOT_FOUND', {
          message: 'This invitation link is not valid.',
        })
      return {
        groupId: found.group.id,
        groupName: found.group.name,
        groupDescription: found.group.description,
        invitedByName: found.invitedByName,
        email: maskEmail(found.invitation.email),
        role: found.invitation.role,
        status: invitationStatus(found.invitation, now()),
        expiresAt: found.invitation.expiresAt.toISOString(),
      }
    },

    async acceptInvitation(
      token: string,
      viewer: Viewer & { emailVerified: boolean },
    ): Promise<JoinResult> {
      const found = await groups.findInvitationByToken(token)
      if (!found)
        throw new AppError('INVITATION_NOT_FOUND', {
          message: 'This invitation link is not valid.',
        })
      const { invitation, group } = found
      const status = invitationStatus(invitation, now())
      if (status === 'accepted' && invitation.acceptedBy === viewer.id) {
        return { groupId: group.id, status: 'already_member' }
      }
      if (status !== 'pending') {
        throw new AppError('INVITATION_NOT_PENDING', {
          message: `This invitation was ${status === 'expired' ? 'not used in time' : status}. Ask for a new one.`,
        })
      }
      if (invitation.email !== viewer.email.toLowerCase()) {
        throw new AppError('INVITATION_EMAIL_MISMATCH', {
          // Whoever holds the link is signed in, but may not be the invitee.
          message: `This invitation was sent to ${maskEmail(invitation.email)}. Sign in with that address to accept it.`,
        })
      }
      // Otherwise whoever signed up first with the invitee's address could take their place.
      if (!viewer.emailVerified) {
        throw new AppError('EMAIL_NOT_VERIFIED', {
          message: `Confirm your e-mail address first: open the link we sent to ${viewer.email}.`,
        })
      }
      return groups.transaction(async (tx) => {
        if (!(await tx.markInvitationAccepted(invitation.id, viewer.id, now()))) {
          throw new AppError('INVITATION_NOT_PENDING', {
            message: 'This invitation was just used or revoked.',
          })
        }
        const added = await tx.addMember(group.id, viewer.id, invitation.role)
        return { groupId: group.id, status: added ? 'joined' : 'already_member' }
      })
    },

    async regenerateJoinCode(groupId: string, viewer: Viewer): Promise<{ joinCode: string }> {
      await authorize(
        groupId,
        viewer,
        'manage_join_code',
        'Only the owner and admins can change the join code.',
      )
      const joinCode = await uniqueJoinCode()
      await groups.updateGroup(groupId, { joinCode })
      return { joinCode }
    },

    async previewJoin(code: string, viewer: Viewer): Promise<JoinPreview> {
      const found = await groups.findGroupByJoinCode(code.toUpperCase())
      if (!found)
        throw new AppError('JOIN_CODE_NOT_FOUND', {
          message: 'No group has this join code. It may have been changed.',
        })
      const { group, memberCount } = found
      return {
        groupId: group.id,
        name: group.name,
        description: group.description,
        privacy: group.privacy,
        memberCount,
        isMember: (await groups.findRole(group.id, viewer.id)) !== null,
        hasPendingRequest: await groups.hasPendingJoinRequest(group.id, viewer.id),
      }
    },

    async joinByCode(
      code: string,
      viewer: Viewer,
      message: string | undefined,
    ): Promise<JoinResult> {
      const found = await groups.findGroupByJoinCode(code.toUpperCase())
      if (!found)
        throw new AppError('JOIN_CODE_NOT_FOUND', {
          message: 'No group has this join code. It may have been changed.',
        })
      const { group } = found
      if ((await groups.findRole(group.id, viewer.id)) !== null)
        return { groupId: group.id, status: 'already_member' }
      const actor: Actor = { kind: 'non_member' }
      if (can(actor, 'join_directly', group)) {
        const added = await groups.addMember(group.id, viewer.id, 'member')
        return { groupId: group.id, status: added ? 'joined' : 'already_member' }
      }
      const requestId = await groups.insertJoinRequest(group.id, viewer.id, message ?? null)
      attentionChanged(group.id)
      if (requestId) onJoinRequest(requestId, 'requested')
      return { groupId: group.id, status: 'requested' }
    },

    async findJoinRequests(groupId: string, viewer: Viewer): Promise<JoinRequest[]> {
      await authorize(
        groupId,
        viewer,
        'review_join_requests',
        'Only the owner and admins can see join requests.',
      )
      return (await groups.findPendingJoinRequests(groupId)).map(toJoinRequest)
    },

    async decideJoinRequest(
      groupId: string,
      viewer: Viewer,
      requestId: string,
      decision: 'approved' | 'rejected',
    ): Promise<JoinRequest> {
      await authorize(
        groupId,
        viewer,
        'review_join_requests',
        'Only the owner and admins can decide join requests.',
      )
      const decided = await groups.transaction(async (tx) => {
        const row = await tx.decideJoinRequest(groupId, requestId, decision, viewer.id)
        if (!row)
          throw new AppError('JOIN_REQUEST_NOT_FOUND', {
            message: 'No pending join request with this id.',
          })
        if (decision === 'approved') await tx.addMember(groupId, row.request.userId, 'member')
        return row
      })
      attentionChanged(groupId, [decided.request.userId])
      onJoinRequest(decided.request.id, 'decided')
      return toJoinRequest(decided)
    },
  }
}

export type GroupsService = ReturnType<typeof createGroupsService>
