import {
  type EndpointInput,
  type Endpoints,
  endpoints,
  type GroupSession,
} from '@loopquiz/contract'
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupSessionsQueryKey, sessionsRootKey } from '../../../lib/session-query-keys'

// Defined with the real-time hooks, which invalidate them; the feature's files import them here.
export { groupSessionsQueryKey, sessionsRootKey }

/** The filters as the API takes them (without the cursor, which paging adds). */
export type SessionListQuery = Omit<
  NonNullable<EndpointInput<Endpoints['findSessions']>['query']>,
  'cursor'
>

export function findSessions(groupId: string, query: SessionListQuery & { cursor?: string }) {
  return api(endpoints.findSessions, { params: { groupId }, query })
}

const SOON_MS = 60 * 60_000

/** Sessions that may change status without anyone acting here: live ones, and those about to start. */
function hasSessionAboutToChange(sessions: GroupSession[], now = Date.now()): boolean {
  return sessions.some(
    (session) =>
      session.status === 'active' ||
      (session.status === 'scheduled' &&
        session.scheduledAt !== null &&
        new Date(session.scheduledAt).getTime() - now < SOON_MS),
  )
}

/** Polls while a listed session is live or about to start, so it turns active here on its own. */
const LIVE_POLL_MS = 10_000

/** `isPushed`: the group's channel is connected, so its changes arrive as pushes, not polls. */
export function findSessionsQueryOptions(
  groupId: string,
  query: SessionListQuery,
  isPushed = false,
) {
  return infiniteQueryOptions({
    queryKey: [...groupSessionsQueryKey(groupId), 'list', query],
    queryFn: ({ pageParam }) => findSessions(groupId, { ...query, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: ({ state }) =>
      !isPushed && hasSessionAboutToChange(state.data?.pages.flatMap((page) => page.items) ?? [])
        ? LIVE_POLL_MS
        : false,
  })
}

/** A group's sessions, filtered, a page at a time. */
export function useSessions(groupId: string, query: SessionListQuery, isPushed = false) {
  return useInfiniteQuery(findSessionsQueryOptions(groupId, query, isPushed))
}
