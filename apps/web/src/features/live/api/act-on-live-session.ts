import { endpoints, type LiveAction } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { storeLiveState } from './get-live-state'

export function actOnLiveSession(groupId: string, sessionId: string, action: LiveAction) {
  return api(endpoints.actOnLiveSession, { params: { groupId, sessionId }, body: { action } })
}

/** A host's step in a live session; the reply is the new state, shown at once (the push follows). */
export function useActOnLiveSession(groupId: string, sessionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (action: LiveAction) => actOnLiveSession(groupId, sessionId, action),
    onSuccess: (state) => storeLiveState(queryClient, state),
  })
}
