import { endpoints, type GroupSettings } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getGroupQueryOptions } from './get-group'

export function updateGroupSettings(groupId: string, body: GroupSettings) {
  return api(endpoints.updateGroupSettings, { params: { groupId }, body })
}

export function useUpdateGroupSettings(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: GroupSettings) => updateGroupSettings(groupId, body),
    onSuccess: (group) => {
      queryClient.setQueryData(getGroupQueryOptions(groupId).queryKey, group)
    },
  })
}
