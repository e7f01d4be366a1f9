import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMyJoinRequestsQueryOptions } from './find-my-join-requests'

export function withdrawJoinRequest(requestId: string) {
  return api(endpoints.withdrawJoinRequest, { params: { requestId } })
}

export function useWithdrawJoinRequest() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: withdrawJoinRequest,
    onSuccess: (_, requestId) => {
      // Gone at once, not after the refetch.
      queryClient.setQueryData(findMyJoinRequestsQueryOptions().queryKey, (list) =>
        list ? { items: list.items.filter((request) => request.id !== requestId) } : list,
      )
      void queryClient.invalidateQueries(findMyJoinRequestsQueryOptions())
      // The join page says whether a request is waiting.
      void queryClient.invalidateQueries({ queryKey: ['join-preview'] })
    },
  })
}
