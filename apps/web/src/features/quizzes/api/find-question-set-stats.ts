import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findQuestionSetStats(token: string) {
  return api(endpoints.findQuestionSetStats, { params: { token } })
}

export function findQuestionSetStatsQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['question-sets', 'stats', token],
    queryFn: () => findQuestionSetStats(token),
  })
}

export function useQuestionSetStats(token: string) {
  return useQuery(findQuestionSetStatsQueryOptions(token))
}
