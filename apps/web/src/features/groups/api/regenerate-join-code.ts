import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getGroupQueryOptions } from './get-group'

export function regenerateJoinCode(groupId: string) {
  return api(endpoints.regenerateJoinCode, { params: { groupId } })
}

export function useRegenerateJoinCode(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => regenerateJoinCode(groupId),
    onSuccess: ({ joinCode }) => {
      queryClient.setQueryData(getGroupQueryOptions(groupId).queryKey, (group) =>
        group ? { ...group, joinCode } : group,
      )
    },
  })
}
