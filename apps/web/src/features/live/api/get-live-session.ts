import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getLiveSession(groupId: string, sessionId: string) {
  return api(endpoints.getSession, { params: { groupId, sessionId } })
}

/**
 * The session with its questions, for the host panel (the live state names only the current
 * question's id). A session's questions are a copy that never changes, so it is fetched once.
 */
export function getLiveSessionQueryOptions(groupId: string, sessionId: string) {
  return queryOptions({
    queryKey: ['live', sessionId, 'session', groupId],
    queryFn: () => getLiveSession(groupId, sessionId),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useLiveSession(groupId: string, sessionId: string) {
  return useQuery(getLiveSessionQueryOptions(groupId, sessionId))
}
