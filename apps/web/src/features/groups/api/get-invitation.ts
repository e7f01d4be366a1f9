import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getInvitation(token: string) {
  return api(endpoints.getInvitation, { params: { token } })
}

export function getInvitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['invitation', token],
    queryFn: () => getInvitation(token),
  })
}

/** What an invitation link invites to; anyone holding the link may look. */
export function useInvitation(token: string) {
  return useQuery(getInvitationQueryOptions(token))
}
