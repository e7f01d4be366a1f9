import { endpoints } from '@loopquiz/contract'
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findLoops(options: { cursor?: string; limit: number }) {
  return api(endpoints.findLoops, { query: options })
}

export function findLoopsQueryOptions(limit: number) {
  return infiniteQueryOptions({
    queryKey: ['loops', 'list', { limit }],
    queryFn: ({ pageParam }) => findLoops({ cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  })
}

export function useLoops({ limit = 20 }: { limit?: number } = {}) {
  return useInfiniteQuery(findLoopsQueryOptions(limit))
}
