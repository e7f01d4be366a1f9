import { useMutation } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAccountError } from '../utils/account-error'

export interface ChangePasswordInput {
  currentPassword: string
  newPassword: string
  /** Ends every other session of the account; this browser stays signed in. */
  revokeOtherSessions: boolean
}

export async function changePassword(input: ChangePasswordInput) {
  const { data, error } = await authClient.changePassword(input)
  if (error) throw toAccountError(error)
  return data
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword })
}
