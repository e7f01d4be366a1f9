import { useMutation, useQueryClient } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

export async function signOut() {
  const { data, error } = await authClient.signOut()
  if (error) throw toAuthRequestError(error)
  return data
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => queryClient.clear(),
  })
}
