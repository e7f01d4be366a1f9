import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findMyGroups() {
  return api(endpoints.findMyGroups, {})
}

export function findMyGroupsQueryOptions() {
  return queryOptions({
    queryKey: ['groups', 'list'],
    queryFn: findMyGroups,
  })
}

export function useMyGroups() {
  return useQuery(findMyGroupsQueryOptions())
}
