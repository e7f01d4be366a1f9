import { endpoints, type GroupSession } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupSessionsQueryKey } from './find-sessions'

export function getSession(groupId: string, sessionId: string) {
  return api(endpoints.getSession, { params: { groupId, sessionId } })
}

/** How often a session that is about to start, or running, is looked at again. */
const WAITING_POLL_MS = 4_000
const RUNNING_POLL_MS = 10_000

function pollIntervalOf(session: GroupSession | undefined): number | false {
  if (!session) return false
  if (session.status === 'scheduled' || session.status === 'pending_approval')
    return WAITING_POLL_MS
  if (session.status === 'active') return RUNNING_POLL_MS
  // Completed early but still open to late answers until its planned end.
  return session.capabilities.canJoin ? RUNNING_POLL_MS : false
}

export function getSessionQueryOptions(groupId: string, sessionId: string) {
  return queryOptions({
    queryKey: [...groupSessionsQueryKey(groupId), 'detail', sessionId],
    queryFn: () => getSession(groupId, sessionId),
    // Waiting pages open the quiz by themselves when the scheduler starts the session.
    refetchInterval: (query) => pollIntervalOf(query.state.data),
  })
}

/** One session with its questions (never the answers), kept fresh while it may change. */
export function useSession(groupId: string, sessionId: string) {
  return useQuery(getSessionQueryOptions(groupId, sessionId))
}
