import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getAccountDeletion() {
  return api(endpoints.getAccountDeletion, {})
}

export function getAccountDeletionQueryOptions() {
  return queryOptions({
    queryKey: ['account', 'deletion'] as const,
    queryFn: getAccountDeletion,
  })
}

/** Fetched again on mount: the preview names what deleting would remove now. */
export function useAccountDeletion() {
  return useQuery({ ...getAccountDeletionQueryOptions(), refetchOnMount: 'always' })
}
