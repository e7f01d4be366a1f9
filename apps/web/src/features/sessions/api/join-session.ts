import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupSessionsQueryKey } from './find-sessions'

/** Joins an active session; idempotent, so it returns the same attempt when called again. */
export function joinSession(groupId: string, sessionId: string) {
  return api(endpoints.joinSession, { params: { groupId, sessionId } })
}

export function useJoinSession(groupId: string, sessionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => joinSession(groupId, sessionId),
    // The session now knows my participation, and the participant count grew.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupSessionsQueryKey(groupId) }),
  })
}
