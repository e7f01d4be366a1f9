import { endpoints, type SeriesScope } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

export function cancelSession(groupId: string, sessionId: string, scope: SeriesScope = 'this') {
  return api(endpoints.cancelSession, { params: { groupId, sessionId }, query: { scope } })
}

/** Cancel a session that is not completed; for an occurrence of a series, maybe more of it. */
export function useCancelSession(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId, scope }: { sessionId: string; scope: SeriesScope }) =>
      cancelSession(groupId, sessionId, scope),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsRootKey }),
  })
}
