import { endpoints } from '@loopquiz/contract'
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findMyAttempts(options: { cursor?: string; limit: number }) {
  return api(endpoints.findMyAttempts, { query: options })
}

export function findMyAttemptsQueryOptions(limit: number) {
  return infiniteQueryOptions({
    queryKey: ['attempts', 'mine', { limit }],
    queryFn: ({ pageParam }) => findMyAttempts({ cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  })
}

export function useMyAttempts({ limit = 20 }: { limit?: number } = {}) {
  return useInfiniteQuery(findMyAttemptsQueryOptions(limit))
}
