import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMyGroupsQueryOptions } from './find-my-groups'
import { groupQueryKey } from './get-group'

export function leaveGroup(groupId: string) {
  return api(endpoints.leaveGroup, { params: { groupId } })
}

export function useLeaveGroup(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => leaveGroup(groupId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: groupQueryKey(groupId) })
      // Gone from the list at once, not after the refetch: the page goes there next.
      queryClient.setQueryData(findMyGroupsQueryOptions().queryKey, (list) =>
        list ? { items: list.items.filter((group) => group.id !== groupId) } : list,
      )
      void queryClient.invalidateQueries(findMyGroupsQueryOptions())
    },
  })
}
