import { endpoints } from '@loopquiz/contract'
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findRecentLoops(options: { cursor?: string; limit: number }) {
  return api(endpoints.findRecentLoops, { query: options })
}

export function findRecentLoopsQueryOptions(limit: number) {
  return infiniteQueryOptions({
    queryKey: ['loops', 'recent', { limit }],
    queryFn: ({ pageParam }) => findRecentLoops({ cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  })
}

/** My loops, newest first: what a session can be imported from. */
export function useRecentLoops({ limit = 10 }: { limit?: number } = {}) {
  return useInfiniteQuery(findRecentLoopsQueryOptions(limit))
}
