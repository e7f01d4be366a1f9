import { useMutation, useQueryClient } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

/** Signs the account out on every device, this browser included. */
export async function revokeSessions() {
  const { data, error } = await authClient.revokeSessions()
  if (error) throw toAuthRequestError(error)
  return data
}

export function useRevokeSessions() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: revokeSessions,
    onSuccess: () => queryClient.clear(),
  })
}
