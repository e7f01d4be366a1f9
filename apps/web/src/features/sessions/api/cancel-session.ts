import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

export function cancelSession(groupId: string, sessionId: string) {
  return api(endpoints.cancelSession, { params: { groupId, sessionId } })
}

/** Cancel a session that is not completed. */
export function useCancelSession(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (sessionId: string) => cancelSession(groupId, sessionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsRootKey }),
  })
}
