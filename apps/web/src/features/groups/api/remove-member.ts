import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMyGroupsQueryOptions } from './find-my-groups'
import { groupQueryKey } from './get-group'

export function removeMember(groupId: string, userId: string) {
  return api(endpoints.removeMember, { params: { groupId, userId } })
}

export function useRemoveMember(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) => removeMember(groupId, userId),
    onSuccess: () => {
      // The member list and the member count both change.
      void queryClient.invalidateQueries({ queryKey: groupQueryKey(groupId) })
      void queryClient.invalidateQueries(findMyGroupsQueryOptions())
    },
  })
}
