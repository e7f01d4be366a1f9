import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupSessionsQueryKey } from './find-sessions'

export function findParticipants(groupId: string, sessionId: string) {
  return api(endpoints.findParticipants, { params: { groupId, sessionId } })
}

/** Live tracking: progress changes answer by answer. */
const PARTICIPANTS_POLL_MS = 3_000

/** `isLive`: polled; pass false while the session's channel pushes progress instead. */
export function findParticipantsQueryOptions(groupId: string, sessionId: string, isLive: boolean) {
  return queryOptions({
    queryKey: [...groupSessionsQueryKey(groupId), 'participants', sessionId],
    queryFn: () => findParticipants(groupId, sessionId),
    refetchInterval: isLive ? PARTICIPANTS_POLL_MS : false,
  })
}

/** Who joined a session, their progress and scores; polled while `isLive`. */
export function useParticipants(groupId: string, sessionId: string, isLive: boolean) {
  return useQuery(findParticipantsQueryOptions(groupId, sessionId, isLive))
}
