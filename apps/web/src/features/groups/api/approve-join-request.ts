import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMyGroupsQueryOptions } from './find-my-groups'
import { userAttentionQueryKey } from './find-user-attention'
import { groupQueryKey } from './get-group'

export function approveJoinRequest(groupId: string, requestId: string) {
  return api(endpoints.approveJoinRequest, { params: { groupId, requestId } })
}

export function useApproveJoinRequest(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (requestId: string) => approveJoinRequest(groupId, requestId),
    onSuccess: () => {
      // The request leaves the list and the counts, the requester joins the members and the count.
      void queryClient.invalidateQueries({ queryKey: groupQueryKey(groupId) })
      void queryClient.invalidateQueries(findMyGroupsQueryOptions())
      void queryClient.invalidateQueries({ queryKey: userAttentionQueryKey })
    },
  })
}
