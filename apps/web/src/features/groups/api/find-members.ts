import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupQueryKey } from './get-group'

export function findMembers(groupId: string) {
  return api(endpoints.findMembers, { params: { groupId } })
}

export function findMembersQueryOptions(groupId: string) {
  return queryOptions({
    queryKey: [...groupQueryKey(groupId), 'members'],
    queryFn: () => findMembers(groupId),
  })
}

/** The group's members, owner first. */
export function useMembers(groupId: string) {
  return useQuery(findMembersQueryOptions(groupId))
}
