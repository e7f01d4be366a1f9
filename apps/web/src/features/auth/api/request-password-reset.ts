import { useMutation } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

export interface RequestPasswordResetInput {
  email: string
  /** The page the mailed link leads to, with `?token=` or `?error=INVALID_TOKEN` added. */
  redirectTo: string
}

export async function requestPasswordReset(input: RequestPasswordResetInput) {
  const { data, error } = await authClient.requestPasswordReset(input)
  if (error) throw toAuthRequestError(error)
  return data
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset })
}
