import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

export function setSessionLateWindow(groupId: string, sessionId: string, lateUntil: string | null) {
  return api(endpoints.setSessionLateWindow, {
    params: { groupId, sessionId },
    body: { lateUntil },
  })
}

/** Accept late answers until a time after the end, or (null) stop accepting them. */
export function useSetSessionLateWindow(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ sessionId, lateUntil }: { sessionId: string; lateUntil: string | null }) =>
      setSessionLateWindow(groupId, sessionId, lateUntil),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsRootKey }),
  })
}
