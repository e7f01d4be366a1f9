import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupSessionsQueryKey } from './find-sessions'

export function getSessionStats(groupId: string) {
  return api(endpoints.getSessionStats, { params: { groupId } })
}

export function getSessionStatsQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: [...groupSessionsQueryKey(groupId), 'stats'],
    queryFn: () => getSessionStats(groupId),
  })
}

/** Sessions held, upcoming, participation rate and average score of a group. */
export function useSessionStats(groupId: string) {
  return useQuery(getSessionStatsQueryOptions(groupId))
}
