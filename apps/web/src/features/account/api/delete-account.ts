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

/**
 * `onDeleted` runs here rather than in `mutate()`'s callbacks: the session store may learn that
 * the account is gone first, unmounting the page, and `mutate()`'s callbacks skip an unmounted
 * component, which left the user on the sign-in page instead of where `onDeleted` leads.
 */
export function useDeleteAccount(onDeleted: () => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => {
      queryClient.clear()
      onDeleted()
    },
  })
}
