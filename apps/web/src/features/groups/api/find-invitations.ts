import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupQueryKey } from './get-group'

export function findInvitations(groupId: string) {
  return api(endpoints.findInvitations, { params: { groupId } })
}

export function findInvitationsQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: [...groupQueryKey(groupId), 'invitations'],
    queryFn: () => findInvitations(groupId),
  })
}

/** The group's invitations, newest first (owners and admins only). */
export function useInvitations(groupId: string) {
  return useQuery(findInvitationsQueryOptions(groupId))
}
