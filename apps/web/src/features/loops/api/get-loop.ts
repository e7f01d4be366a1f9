import { endpoints } from '@loopquiz/contract'
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getLoop(loopId: string) {
  return api(endpoints.getLoop, { params: { loopId } })
}

export function getLoopQueryOptions(loopId: string | null) {
  return queryOptions({
    queryKey: ['loops', 'detail', loopId],
    queryFn: loopId ? () => getLoop(loopId) : skipToken,
    // The editor is the only writer on its page and puts each saved loop in the cache; a
    // background refetch could only bring back what is already there, or race a save.
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** One of my loops; idle for a loop not made yet (null). */
export function useLoop(loopId: string | null) {
  return useQuery(getLoopQueryOptions(loopId))
}
