import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

export function rejectSession(groupId: string, sessionId: string) {
  return api(endpoints.rejectSession, { params: { groupId, sessionId } })
}

/** Turn down a session waiting for approval. */
export function useRejectSession(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (sessionId: string) => rejectSession(groupId, sessionId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sessionsRootKey })
      // The counts of sessions to approve, on the group's tabs and the dashboard, live under 'groups'.
      void queryClient.invalidateQueries({ queryKey: ['groups'] })
    },
  })
}
