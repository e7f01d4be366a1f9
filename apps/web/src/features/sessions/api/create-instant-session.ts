import { type EndpointInput, type Endpoints, endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { sessionsRootKey } from './find-sessions'

/** As sent: description, mode and duration have defaults on the server. */
export type CreateInstantSessionInput = EndpointInput<Endpoints['createInstantSession']>['body']

export function createInstantSession(groupId: string, body: CreateInstantSessionInput) {
  return api(endpoints.createInstantSession, { params: { groupId }, body })
}

export function useCreateInstantSession(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateInstantSessionInput) => createInstantSession(groupId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsRootKey }),
  })
}
