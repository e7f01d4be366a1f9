import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMyGroupsQueryOptions } from './find-my-groups'
import { groupQueryKey } from './get-group'

export function deleteGroup(groupId: string) {
  return api(endpoints.deleteGroup, { params: { groupId } })
}

export function useDeleteGroup(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => deleteGroup(groupId),
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
