import { endpoints } from '@loopquiz/contract'
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getAttemptResult(attemptId: string) {
  return api(endpoints.getAttemptResult, { params: { attemptId } })
}

export function getAttemptResultQueryOptions(attemptId: string | null) {
  return queryOptions({
    queryKey: ['attempt-result', attemptId],
    queryFn: attemptId ? () => getAttemptResult(attemptId) : skipToken,
    // A finished attempt's result changes only when a group session closes and releases the
    // key to skipped questions; until then it is fetched again whenever it is shown anew.
    staleTime: (query) =>
      query.state.data?.review.some((item) => item.keyStatus === 'on_session_end')
        ? 0
        : Number.POSITIVE_INFINITY,
  })
}

/** The result of a finished attempt; idle until `attemptId` is given. */
export function useAttemptResult(attemptId: string | null) {
  return useQuery(getAttemptResultQueryOptions(attemptId))
}
