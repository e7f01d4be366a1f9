import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getInvitationQueryOptions } from './get-invitation'

export function acceptInvitation(token: string) {
  return api(endpoints.acceptInvitation, { params: { token } })
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['groups'] })
      void queryClient.invalidateQueries(getInvitationQueryOptions(token))
    },
  })
}
