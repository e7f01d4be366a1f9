import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupSessionsQueryKey } from './find-sessions'

export function getSessionResults(groupId: string, sessionId: string) {
  return api(endpoints.getSessionResults, { params: { groupId, sessionId } })
}

/** Late finishers keep joining the comparison while the session is open. */
const RESULTS_POLL_MS = 4_000

/** `isPushed`: the session's channel is connected and refetches the results when someone finishes. */
export function getSessionResultsQueryOptions(
  groupId: string,
  sessionId: string,
  isLive: boolean,
  isPushed = false,
) {
  return queryOptions({
    queryKey: [...groupSessionsQueryKey(groupId), 'results', sessionId],
    queryFn: () => getSessionResults(groupId, sessionId),
    refetchInterval: isLive && !isPushed ? RESULTS_POLL_MS : false,
  })
}

/** A session's results compared across the group; polled while `isLive`. */
export function useSessionResults(
  groupId: string,
  sessionId: string,
  isLive: boolean,
  isPushed = false,
) {
  return useQuery(getSessionResultsQueryOptions(groupId, sessionId, isLive, isPushed))
}
