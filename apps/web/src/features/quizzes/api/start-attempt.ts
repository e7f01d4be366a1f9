import { endpoints, type StartAttemptBody } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getAttemptQueryOptions } from './get-attempt'

export function startAttempt(token: string, body: StartAttemptBody) {
  return api(endpoints.startAttempt, { params: { token }, body })
}

export function useStartAttempt(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: StartAttemptBody) => startAttempt(token, body),
    onSuccess: (attempt) => {
      queryClient.setQueryData(getAttemptQueryOptions(attempt.id).queryKey, attempt)
      void queryClient.invalidateQueries({ queryKey: ['attempts', 'mine'] })
      // The set counts the caller's attempts (for an attempt limit): refresh it.
      void queryClient.invalidateQueries({ queryKey: ['question-set', token] })
    },
  })
}
