import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMembersQueryOptions } from './find-members'
import { findMyGroupsQueryOptions } from './find-my-groups'
import { getGroupQueryOptions } from './get-group'

export function transferOwnership(groupId: string, userId: string) {
  return api(endpoints.transferOwnership, { params: { groupId }, body: { userId } })
}

export function useTransferOwnership(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) => transferOwnership(groupId, userId),
    onSuccess: (members) => {
      queryClient.setQueryData(findMembersQueryOptions(groupId).queryKey, members)
      // My role and so what I may do in the group changed.
      void queryClient.invalidateQueries(getGroupQueryOptions(groupId))
      void queryClient.invalidateQueries(findMyGroupsQueryOptions())
    },
  })
}
