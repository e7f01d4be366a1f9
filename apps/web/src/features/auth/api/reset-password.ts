import { useMutation, useQueryClient } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

export interface ResetPasswordInput {
  newPassword: string
  /** From the mailed link. */
  token: string
}

export async function resetPassword(input: ResetPasswordInput) {
  const { data, error } = await authClient.resetPassword(input)
  if (error) throw toAuthRequestError(error)
  return data
}

export function useResetPassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => {
      // The reset signs the account out everywhere, this browser included if it was signed
      // in, and Better Auth's client does not re-read the session after this call by itself.
      queryClient.clear()
      authClient.$store.notify('$sessionSignal')
    },
  })
}
