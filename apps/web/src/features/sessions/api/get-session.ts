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
const JUST_ENDED_POLL_MS = 30_000
const JUST_ENDED_MS = 60 * 60_000

function pollIntervalOf(session: GroupSession | undefined, now = Date.now()): number | false {
  if (!session) return false
  if (session.status === 'scheduled' || session.status === 'pending_approval')
    return WAITING_POLL_MS
  if (session.status === 'active') return RUNNING_POLL_MS
  // Ended, but the host's late window still takes answers.
  if (session.capabilities.canJoin) return RUNNING_POLL_MS
  // Just ended: the host may still open a late window, and the page should show it by itself.
  if (
    session.status === 'completed' &&
    session.completedAt &&
    now - new Date(session.completedAt).getTime() < JUST_ENDED_MS
  )
    return JUST_ENDED_POLL_MS
  return false
}

export function getSessionQueryOptions(groupId: string, sessionId: string) {
  return queryOptions({
    queryKey: [...groupSessionsQueryKey(groupId), 'detail', sessionId],
    queryFn: () => getSession(groupId, sessionId),
    // Waiting pages open the quiz by themselves when the scheduler starts the session.
    refetchInterval: (query) => pollIntervalOf(query.state.data),
  })
}

/**
 * One session with its questions (never the answers), kept fresh while it may change: by the
 * session's pushes when `isPushed` (a session channel is connected), else by polling.
 */
export function useSession(groupId: string, sessionId: string, { isPushed = false } = {}) {
  const options = getSessionQueryOptions(groupId, sessionId)
  return useQuery(isPushed ? { ...options, refetchInterval: false } : options)
}
