import { endpoints } from '@loopquiz/contract'
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupSessionsQueryKey } from './find-sessions'

export function getNextStart(groupId: string, durationMinutes: number) {
  return api(endpoints.getNextSessionStart, { params: { groupId }, query: { durationMinutes } })
}

export function getNextStartQueryOptions(groupId: string, durationMinutes: number) {
  return queryOptions({
    queryKey: [...groupSessionsQueryKey(groupId), 'next-start', durationMinutes],
    queryFn: () => getNextStart(groupId, durationMinutes),
    // The earliest allowed start moves with the clock; a proposal kept too long would be refused.
    staleTime: 0,
    refetchInterval: 60_000,
    placeholderData: keepPreviousData,
  })
}

/** The earliest start the group allows the viewer for a session of that length (null: none). */
export function useNextStart(groupId: string, durationMinutes: number | null) {
  return useQuery({
    ...getNextStartQueryOptions(groupId, durationMinutes ?? 60),
    enabled: durationMinutes !== null,
  })
}
