import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

export function startSession(groupId: string, sessionId: string) {
  return api(endpoints.startSession, { params: { groupId, sessionId } })
}

/** Start a scheduled session now. */
export function useStartSession(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (sessionId: string) => startSession(groupId, sessionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsRootKey }),
  })
}
