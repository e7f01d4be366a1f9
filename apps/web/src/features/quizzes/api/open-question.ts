import { endpoints, type OpenQuestionResponse } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getAttemptQueryOptions } from './get-attempt'

/** The opening, and how far this device's clock is behind the server's (ms; negative if ahead). */
export interface OpenedQuestion {
  opening: OpenQuestionResponse
  clockOffsetMs: number
}

export async function openQuestion(attemptId: string, questionId: string): Promise<OpenedQuestion> {
  const sentAt = Date.now()
  const opening = await api(endpoints.openQuestion, { params: { attemptId, questionId } })
  // Taken as if the server read its clock the moment the request left, the offset errs (by
  // up to a round trip) towards a countdown that ends early, never after the server's deadline.
  return { opening, clockOffsetMs: Date.parse(opening.serverNow) - sentAt }
}

export function useOpenQuestion(attemptId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (questionId: string) => openQuestion(attemptId, questionId),
    // The attempt in the cache gains the opening, so coming back to it resumes the countdown.
    onSuccess: ({ opening: { serverNow: _, ...opening } }) => {
      queryClient.setQueryData(getAttemptQueryOptions(attemptId).queryKey, (attempt) => {
        if (!attempt || attempt.openings.some((o) => o.questionId === opening.questionId)) {
          return attempt
        }
        return { ...attempt, openings: [...attempt.openings, opening] }
      })
    },
  })
}
