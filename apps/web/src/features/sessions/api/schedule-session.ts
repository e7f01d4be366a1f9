import { type EndpointInput, type Endpoints, endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

/** As sent: description, mode and duration have defaults on the server. */
export type ScheduleSessionInput = EndpointInput<Endpoints['scheduleSession']>['body']

export function scheduleSession(groupId: string, body: ScheduleSessionInput) {
  return api(endpoints.scheduleSession, { params: { groupId }, body })
}

export function useScheduleSession(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ScheduleSessionInput) => scheduleSession(groupId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsRootKey }),
  })
}
