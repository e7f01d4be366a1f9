import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { findMembersQueryOptions } from './find-members'

export interface ChangeMemberRoleInput {
  userId: string
  role: 'admin' | 'member'
}

export function changeMemberRole(groupId: string, { userId, role }: ChangeMemberRoleInput) {
  return api(endpoints.changeMemberRole, { params: { groupId, userId }, body: { role } })
}

export function useChangeMemberRole(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ChangeMemberRoleInput) => changeMemberRole(groupId, input),
    onSuccess: (changed) => {
      queryClient.setQueryData(findMembersQueryOptions(groupId).queryKey, (list) =>
        list ? { items: list.items.map((m) => (m.userId === changed.userId ? changed : m)) } : list,
      )
    },
  })
}
