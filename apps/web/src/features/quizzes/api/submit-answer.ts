import { endpoints, type SubmitAnswerBody } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getAttemptQueryOptions } from './get-attempt'

export function submitAnswer(attemptId: string, body: SubmitAnswerBody) {
  return api(endpoints.submitAnswer, { params: { attemptId }, body })
}

export function useSubmitAnswer(attemptId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: SubmitAnswerBody) => submitAnswer(attemptId, body),
    // The attempt in the cache gains the graded answer, so progress and resume stay right.
    onSuccess: (result) => {
      queryClient.setQueryData(getAttemptQueryOptions(attemptId).queryKey, (attempt) => {
        if (!attempt) return attempt
        const others = attempt.answers.filter((a) => a.questionId !== result.questionId)
        const previous = attempt.answers.find((a) => a.questionId === result.questionId)
        return {
          ...attempt,
          answers: [...others, result],
          score: attempt.score - (previous?.points ?? 0) + result.points,
        }
      })
    },
  })
}
