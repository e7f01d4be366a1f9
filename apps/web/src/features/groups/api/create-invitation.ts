import { type EndpointInput, type Endpoints, endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findInvitationsQueryOptions } from './find-invitations'

/** As sent: the role and expiry have defaults on the server. */
export type CreateInvitationInput = EndpointInput<Endpoints['createInvitation']>['body']

export function createInvitation(groupId: string, body: CreateInvitationInput) {
  return api(endpoints.createInvitation, { params: { groupId }, body })
}

export function useCreateInvitation(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateInvitationInput) => createInvitation(groupId, body),
    onSuccess: () => queryClient.invalidateQueries(findInvitationsQueryOptions(groupId)),
  })
}
