import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupQueryKey } from './get-group'

export function findJoinRequests(groupId: string) {
  return api(endpoints.findJoinRequests, { params: { groupId } })
}

export function findJoinRequestsQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: [...groupQueryKey(groupId), 'join-requests'],
    queryFn: () => findJoinRequests(groupId),
  })
}

/** Pending requests to join the group (owners and admins only). */
export function useJoinRequests(groupId: string) {
  return useQuery(findJoinRequestsQueryOptions(groupId))
}
