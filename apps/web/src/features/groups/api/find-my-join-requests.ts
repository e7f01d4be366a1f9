import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findMyJoinRequests() {
  return api(endpoints.findMyJoinRequests, {})
}

export function findMyJoinRequestsQueryOptions() {
  return queryOptions({
    // Under 'groups': asking to join by code refreshes every 'groups' query, this one with them.
    queryKey: ['groups', 'join-requests', 'mine'],
    queryFn: findMyJoinRequests,
  })
}

/** My requests to join groups that still wait for an owner or admin. */
export function useMyJoinRequests() {
  return useQuery(findMyJoinRequestsQueryOptions())
}
