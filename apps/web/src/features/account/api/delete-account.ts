import { useMutation, useQueryClient } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAccountError } from '../utils/account-error'

/**
 * Deletes the signed-in account. The server needs its password, and refuses while the user
 * owns a group that others are in.
 */
export async function deleteAccount(password: string) {
  const { data, error } = await authClient.deleteUser({ password })
  if (error) throw toAccountError(error)
  return data
}

export function useDeleteAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => queryClient.clear(),
  })
}
