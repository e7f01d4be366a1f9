import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getQuestionSet(token: string) {
  return api(endpoints.getQuestionSet, { params: { token } })
}

export function getQuestionSetQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['question-set', token],
    queryFn: () => getQuestionSet(token),
    staleTime: 5 * 60_000,
  })
}

export function useQuestionSet(token: string) {
  return useQuery(getQuestionSetQueryOptions(token))
}
