import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export type UserSessionScope = 'active' | 'upcoming' | 'recent'

export function findUserSessions(scope: UserSessionScope, limit: number) {
  return api(endpoints.findUserSessions, { query: { scope, limit } })
}

const ACTIVE_POLL_MS = 30_000

export function findUserSessionsQueryOptions(
  scope: UserSessionScope,
  limit: number,
  isPushed = false,
) {
  return queryOptions({
    queryKey: ['sessions', 'mine', scope, { limit }],
    queryFn: () => findUserSessions(scope, limit),
    // Sessions start and end on their own; the dashboard should notice without a reload.
    // Polled only while the groups' channels are down: they push every change otherwise.
    refetchInterval: scope === 'recent' || isPushed ? false : ACTIVE_POLL_MS,
  })
}

/** My sessions across all my groups: active, upcoming or recent. */
export function useUserSessions(
  scope: UserSessionScope,
  { limit = 5, isPushed = false }: { limit?: number; isPushed?: boolean } = {},
) {
  return useQuery(findUserSessionsQueryOptions(scope, limit, isPushed))
}
