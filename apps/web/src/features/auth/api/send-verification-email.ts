import { useMutation } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

export interface SendVerificationEmailInput {
  email: string
  /** Where the mailed link leads once the address is confirmed (a path of this app). */
  callbackURL: string
}

export async function sendVerificationEmail(input: SendVerificationEmailInput) {
  const { data, error } = await authClient.sendVerificationEmail(input)
  if (error) throw toAuthRequestError(error)
  return data
}

export function useSendVerificationEmail() {
  return useMutation({ mutationFn: sendVerificationEmail })
}
