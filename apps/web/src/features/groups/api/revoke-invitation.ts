import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findInvitationsQueryOptions } from './find-invitations'

export function revokeInvitation(groupId: string, invitationId: string) {
  return api(endpoints.revokeInvitation, { params: { groupId, invitationId } })
}

export function useRevokeInvitation(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (invitationId: string) => revokeInvitation(groupId, invitationId),
    onSuccess: () => queryClient.invalidateQueries(findInvitationsQueryOptions(groupId)),
  })
}
