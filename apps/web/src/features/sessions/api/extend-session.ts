import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { groupSessionsQueryKey } from './find-sessions'

export function extendSession(groupId: string, sessionId: string, minutes: number) {
  return api(endpoints.extendSession, { params: { groupId, sessionId }, body: { minutes } })
}

/** Give an active session more time (host): its end moves later by `minutes`. */
export function useExtendSession(groupId: string, sessionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (minutes: number) => extendSession(groupId, sessionId, minutes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: groupSessionsQueryKey(groupId) }),
  })
}
