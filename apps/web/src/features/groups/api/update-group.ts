import { endpoints, type UpdateGroupBody } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMyGroupsQueryOptions } from './find-my-groups'
import { getGroupQueryOptions } from './get-group'

export function updateGroup(groupId: string, body: UpdateGroupBody) {
  return api(endpoints.updateGroup, { params: { groupId }, body })
}

export function useUpdateGroup(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: UpdateGroupBody) => updateGroup(groupId, body),
    onSuccess: (group) => {
      queryClient.setQueryData(getGroupQueryOptions(groupId).queryKey, group)
      void queryClient.invalidateQueries(findMyGroupsQueryOptions())
    },
  })
}
