import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getLoop(loopId: string) {
  return api(endpoints.getLoop, { params: { loopId } })
}

export function getLoopQueryOptions(loopId: string) {
  return queryOptions({
    queryKey: ['loops', 'detail', loopId],
    queryFn: () => getLoop(loopId),
    // The editor is the only writer on this page and puts each saved loop in the cache;
    // a background refetch could only bring back what is already there, or race a save.
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useLoop(loopId: string) {
  return useQuery(getLoopQueryOptions(loopId))
}
