import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findJoinRequestsQueryOptions } from './find-join-requests'

export function rejectJoinRequest(groupId: string, requestId: string) {
  return api(endpoints.rejectJoinRequest, { params: { groupId, requestId } })
}

export function useRejectJoinRequest(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (requestId: string) => rejectJoinRequest(groupId, requestId),
    onSuccess: () => queryClient.invalidateQueries(findJoinRequestsQueryOptions(groupId)),
  })
}
