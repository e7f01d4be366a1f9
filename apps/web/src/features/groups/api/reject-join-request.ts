import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { userAttentionQueryKey } from './find-user-attention'
import { groupQueryKey } from './get-group'

export function rejectJoinRequest(groupId: string, requestId: string) {
  return api(endpoints.rejectJoinRequest, { params: { groupId, requestId } })
}

export function useRejectJoinRequest(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (requestId: string) => rejectJoinRequest(groupId, requestId),
    onSuccess: () => {
      // The request leaves the list, and the counts on the group's tabs and the dashboard.
      void queryClient.invalidateQueries({ queryKey: groupQueryKey(groupId) })
      void queryClient.invalidateQueries({ queryKey: userAttentionQueryKey })
    },
  })
}
