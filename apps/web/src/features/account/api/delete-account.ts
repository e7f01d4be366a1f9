import { useMutation, useQueryClient } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

/** Deletes the signed-in account; the server asks for its password and refuses while a group needs a new owner. */
export async function deleteAccount(password: string) {
  const { data, error } = await authClient.deleteUser({ password })
  if (error) throw toAuthRequestError(error)
  return data
}

export function useDeleteAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => queryClient.clear(),
  })
}
