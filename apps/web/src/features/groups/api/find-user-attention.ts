import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findUserAttention() {
  return api(endpoints.findUserAttention, {})
}

/** Under 'groups': whatever changes a group's join requests or sessions refreshes it too. */
export const userAttentionQueryKey = ['groups', 'attention'] as const

export function findUserAttentionQueryOptions() {
  return queryOptions({ queryKey: userAttentionQueryKey, queryFn: findUserAttention })
}

/** The groups I run where join requests or sessions wait for my decision. */
export function useUserAttention() {
  return useQuery(findUserAttentionQueryOptions())
}
