import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getMyQuestionSetQueryOptions } from './get-my-question-set'

export function setQuestionSetStatus(token: string, enabled: boolean) {
  return api(endpoints.setQuestionSetStatus, { params: { token }, body: { enabled } })
}

/** Turns a share link off or on; the share's page and the dashboard list show it at once. */
export function useSetQuestionSetStatus(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (enabled: boolean) => setQuestionSetStatus(token, enabled),
    onSuccess: (summary) => {
      queryClient.setQueryData(getMyQuestionSetQueryOptions(token).queryKey, summary)
      // Takers' view of the link (this browser's cache) and the author's lists change with it.
      void queryClient.invalidateQueries({ queryKey: ['question-set', token] })
      return queryClient.invalidateQueries({ queryKey: ['question-sets', 'list'] })
    },
  })
}
