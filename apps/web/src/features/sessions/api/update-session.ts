import { endpoints, type UpdateSessionBody } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

export function updateSession(groupId: string, sessionId: string, body: UpdateSessionBody) {
  return api(endpoints.updateSession, { params: { groupId, sessionId }, body })
}

/** Edit or reschedule a session that has not started. */
export function useUpdateSession(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId, body }: { sessionId: string; body: UpdateSessionBody }) =>
      updateSession(groupId, sessionId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsRootKey }),
  })
}
