import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

export function endSession(groupId: string, sessionId: string) {
  return api(endpoints.endSession, { params: { groupId, sessionId } })
}

/** End an active session now. */
export function useEndSession(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (sessionId: string) => endSession(groupId, sessionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsRootKey }),
  })
}
