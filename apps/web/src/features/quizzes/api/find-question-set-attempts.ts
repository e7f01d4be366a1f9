import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findQuestionSetAttempts(token: string) {
  return api(endpoints.findQuestionSetAttempts, { params: { token } })
}

export function findQuestionSetAttemptsQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['question-sets', 'attempts', token],
    queryFn: () => findQuestionSetAttempts(token),
  })
}

export function useQuestionSetAttempts(token: string) {
  return useQuery(findQuestionSetAttemptsQueryOptions(token))
}
