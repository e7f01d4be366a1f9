import { type AnswerDistribution, endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api } from '../../../lib/api-client'
import { useRealtimeSocket } from '../../../lib/realtime'
import { groupSessionsQueryKey } from './find-sessions'

export function getAnswerDistribution(groupId: string, sessionId: string) {
  return api(endpoints.getAnswerDistribution, { params: { groupId, sessionId } })
}

/** Polled only while the socket is down; pushes carry every change otherwise. */
const DISTRIBUTION_POLL_MS = 4_000

export function getAnswerDistributionQueryOptions(
  groupId: string,
  sessionId: string,
  isPushed: boolean,
) {
  return queryOptions({
    queryKey: [...groupSessionsQueryKey(groupId), 'answer-distribution', sessionId],
    queryFn: () => getAnswerDistribution(groupId, sessionId),
    refetchInterval: isPushed ? false : DISTRIBUTION_POLL_MS,
  })
}

/** A push's questions replace theirs in the totals; the others stay as they were. */
export function mergeDistribution(
  current: AnswerDistribution | undefined,
  pushed: AnswerDistribution,
): AnswerDistribution {
  if (!current) return pushed
  const byId = new Map(current.questions.map((question) => [question.questionId, question]))
  for (const question of pushed.questions) byId.set(question.questionId, question)
  return { ...current, questions: [...byId.values()] }
}

/**
 * How each question's answers fell (hosts only), then every `session:answers` push laid over it
 * as it comes in: the page must be watching the session (a session channel) for pushes.
 */
export function useAnswerDistribution(groupId: string, sessionId: string, isPushed: boolean) {
  const options = getAnswerDistributionQueryOptions(groupId, sessionId, isPushed)
  const socket = useRealtimeSocket()
  const queryClient = useQueryClient()

  useEffect(() => {
    if (!socket) return
    const { queryKey } = getAnswerDistributionQueryOptions(groupId, sessionId, true)
    const onAnswers = (event: AnswerDistribution) => {
      if (event.sessionId !== sessionId) return
      queryClient.setQueryData(queryKey, (current) => mergeDistribution(current, event))
    }
    socket.on('session:answers', onAnswers)
    return () => {
      socket.off('session:answers', onAnswers)
    }
  }, [socket, groupId, sessionId, queryClient])

  return useQuery(options)
}
