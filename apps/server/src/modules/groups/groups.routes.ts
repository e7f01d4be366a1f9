import { endpoints } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import { route } from '../../lib/endpoint-route.ts'
import type { AttentionService } from './attention.ts'
import type { GroupsService } from './groups.service.ts'

export function registerGroupRoutes(
  app: FastifyInstance,
  groups: GroupsService,
  attention: AttentionService,
) {
  route(app, endpoints.createGroup, ({ user, body }) => groups.create(user, body))
  route(app, endpoints.findMyGroups, async ({ user }) => ({ items: await groups.findMine(user) }))
  route(app, endpoints.findUserGroups, async ({ user }) => ({
    groups: await groups.findForExtension(user),
  }))
  route(app, endpoints.getGroup, ({ user, params }) => groups.get(params.groupId, user))
  route(app, endpoints.updateGroup, ({ user, params, body }) =>
    groups.update(params.groupId, user, body),
  )
  route(app, endpoints.updateGroupSettings, ({ user, params, body }) =>
    groups.updateSettings(params.groupId, user, body),
  )
  route(app, endpoints.deleteGroup, async ({ user, params }) => {
    await groups.delete(params.groupId, user)
    return {}
  })

  route(app, endpoints.findMembers, async ({ user, params }) => ({
    items: await groups.findMembers(params.groupId, user),
  }))
  route(app, endpoints.changeMemberRole, ({ user, params, body }) =>
    groups.changeRole(params.groupId, user, params.userId, body.role),
  )
  route(app, endpoints.removeMember, async ({ user, params }) => {
    await groups.removeMember(params.groupId, user, params.userId)
    return {}
  })
  route(app, endpoints.leaveGroup, async ({ user, params }) => {
    await groups.leave(params.groupId, user)
    return {}
  })
  route(app, endpoints.transferOwnership, async ({ user, params, body }) => ({
    items: await groups.transferOwnership(params.groupId, user, body.userId),
  }))

  route(app, endpoints.createInvitation, ({ user, params, body }) =>
    groups.invite(params.groupId, user, body),
  )
  route(app, endpoints.findInvitations, async ({ user, params }) => ({
    items: await groups.findInvitations(params.groupId, user),
  }))
  route(app, endpoints.revokeInvitation, async ({ user, params }) => {
    await groups.revokeInvitation(params.groupId, user, params.invitationId)
    return {}
  })
  route(app, endpoints.getInvitation, ({ params }) => groups.previewInvitation(params.token))
  route(app, endpoints.acceptInvitation, ({ user, params }) =>
    groups.acceptInvitation(params.token, user),
  )

  route(app, endpoints.regenerateJoinCode, ({ user, params }) =>
    groups.regenerateJoinCode(params.groupId, user),
  )
  route(app, endpoints.getJoinPreview, ({ user, params }) => groups.previewJoin(params.code, user))
  route(app, endpoints.joinByCode, ({ user, params, body }) =>
    groups.joinByCode(params.code, user, body.message),
  )
  route(app, endpoints.findJoinRequests, async ({ user, params }) => ({
    items: await groups.findJoinRequests(params.groupId, user),
  }))
  route(app, endpoints.approveJoinRequest, ({ user, params }) =>
    groups.decideJoinRequest(params.groupId, user, params.requestId, 'approved'),
  )
  route(app, endpoints.rejectJoinRequest, ({ user, params }) =>
    groups.decideJoinRequest(params.groupId, user, params.requestId, 'rejected'),
  )
  route(app, endpoints.findMyJoinRequests, async ({ user }) => ({
    items: await attention.findMyJoinRequests(user),
  }))
  route(app, endpoints.withdrawJoinRequest, async ({ user, params }) => {
    await attention.withdrawJoinRequest(user, params.requestId)
    return {}
  })
  route(app, endpoints.findUserAttention, async ({ user }) => ({
    items: await attention.findForUser(user),
  }))
}
