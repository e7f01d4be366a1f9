import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getGroup(groupId: string) {
  return api(endpoints.getGroup, { params: { groupId } })
}

/** Everything under this key belongs to one group: members, invitations, join requests. */
export function groupQueryKey(groupId: string) {
  return ['groups', 'detail', groupId] as const
}

export function getGroupQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: groupQueryKey(groupId),
    queryFn: () => getGroup(groupId),
  })
}

export function useGroup(groupId: string) {
  return useQuery(getGroupQueryOptions(groupId))
}

/**
 * The group, fetched again on mount even if cached: settings forms start from what the
 * server holds now, not from what another admin has since changed.
 */
export function useFreshGroup(groupId: string) {
  return useQuery({ ...getGroupQueryOptions(groupId), refetchOnMount: 'always' })
}
