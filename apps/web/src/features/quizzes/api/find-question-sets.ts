import { endpoints } from '@loopquiz/contract'
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findQuestionSets(options: { cursor?: string; limit: number }) {
  return api(endpoints.findQuestionSets, { query: options })
}

export function findQuestionSetsQueryOptions(limit: number) {
  return infiniteQueryOptions({
    queryKey: ['question-sets', 'list', { limit }],
    queryFn: ({ pageParam }) => findQuestionSets({ cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  })
}

export function useQuestionSets({ limit = 20 }: { limit?: number } = {}) {
  return useInfiniteQuery(findQuestionSetsQueryOptions(limit))
}
