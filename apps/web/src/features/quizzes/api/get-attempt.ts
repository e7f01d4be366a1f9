import { type Attempt, endpoints } from '@loopquiz/contract'
import { queryOptions, skipToken, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { hasErrorCode } from '../../../lib/errors'

export function getAttempt(attemptId: string) {
  return api(endpoints.getAttempt, { params: { attemptId } })
}

/**
 * The attempt remembered in this browser, or null when the server no longer shows it to us
 * (deleted, or started by someone else on this device): the quiz then simply starts afresh.
 */
export async function getResumableAttempt(attemptId: string): Promise<Attempt | null> {
  try {
    return await getAttempt(attemptId)
  } catch (error) {
    if (hasErrorCode(error, 'ATTEMPT_NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED')) return null
    throw error
  }
}

export function getAttemptQueryOptions(attemptId: string | null) {
  return queryOptions({
    queryKey: ['attempt', attemptId],
    queryFn: attemptId ? () => getResumableAttempt(attemptId) : skipToken,
    // Answers update this cache entry directly; refetching would only race them.
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** The remembered attempt to resume; idle while there is none. */
export function useAttempt(attemptId: string | null) {
  return useQuery(getAttemptQueryOptions(attemptId))
}
