import { endpoints, type LiveState } from '@loopquiz/contract'
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { newerState } from '../utils/live-clock'

export function getLiveState(groupId: string, sessionId: string) {
  return api(endpoints.getLiveState, { params: { groupId, sessionId } })
}

/** Where a live session's shared state is kept: pushes, the watch snapshot and fetches all land here. */
export const liveStateQueryKey = (sessionId: string) => ['live', sessionId, 'state'] as const

/** Only while the socket is down: pushes carry every change otherwise. */
const FALLBACK_POLL_MS = 2_000

/** Stores a state unless the one shown is newer (a push may overtake a reply, or the other way). */
export function storeLiveState(queryClient: QueryClient, state: LiveState) {
  queryClient.setQueryData<LiveState>(liveStateQueryKey(state.sessionId), (current) =>
    newerState(current ?? null, state),
  )
}

export function getLiveStateQueryOptions(groupId: string, sessionId: string, isConnected: boolean) {
  return queryOptions({
    queryKey: liveStateQueryKey(sessionId),
    queryFn: async ({ client, queryKey }) => {
      const fetched = await getLiveState(groupId, sessionId)
      return newerState(client.getQueryData<LiveState>(queryKey) ?? null, fetched)
    },
    // Connected, the watch snapshot brings the state and pushes keep it: no request at all.
    enabled: !isConnected,
    refetchInterval: isConnected ? false : FALLBACK_POLL_MS,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** The live state: from the socket while it is connected, polled every 2 s while it is not. */
export function useLiveStateQuery(groupId: string, sessionId: string, isConnected: boolean) {
  return useQuery(getLiveStateQueryOptions(groupId, sessionId, isConnected))
}
