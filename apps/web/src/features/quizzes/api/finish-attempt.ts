import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getAttemptQueryOptions } from './get-attempt'
import { getAttemptResultQueryOptions } from './get-attempt-result'

export function finishAttempt(attemptId: string) {
  return api(endpoints.finishAttempt, { params: { attemptId } })
}

export function useFinishAttempt(attemptId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => finishAttempt(attemptId),
    onSuccess: (result) => {
      queryClient.setQueryData(getAttemptResultQueryOptions(attemptId).queryKey, result)
      queryClient.setQueryData(getAttemptQueryOptions(attemptId).queryKey, (attempt) =>
        attempt
          ? { ...attempt, status: 'finished' as const, finishedAt: result.finishedAt }
          : attempt,
      )
      void queryClient.invalidateQueries({ queryKey: ['attempts', 'mine'] })
      void queryClient.invalidateQueries({ queryKey: ['question-sets'] })
    },
  })
}
