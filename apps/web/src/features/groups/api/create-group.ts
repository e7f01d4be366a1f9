import { type CreateGroupBody, endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMyGroupsQueryOptions } from './find-my-groups'
import { getGroupQueryOptions } from './get-group'

export function createGroup(body: CreateGroupBody) {
  return api(endpoints.createGroup, { body })
}

export function useCreateGroup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createGroup,
    onSuccess: (group) => {
      queryClient.setQueryData(getGroupQueryOptions(group.id).queryKey, group)
      void queryClient.invalidateQueries(findMyGroupsQueryOptions())
    },
  })
}
