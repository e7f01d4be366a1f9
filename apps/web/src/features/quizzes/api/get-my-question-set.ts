import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getMyQuestionSet(token: string) {
  return api(endpoints.getMyQuestionSet, { params: { token } })
}

export function getMyQuestionSetQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['question-sets', 'detail', token],
    queryFn: () => getMyQuestionSet(token),
  })
}

export function useMyQuestionSet(token: string) {
  return useQuery(getMyQuestionSetQueryOptions(token))
}
