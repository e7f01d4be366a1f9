import { useMutation, useQueryClient } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

export interface SignUpInput {
  name: string
  email: string
  password: string
  /** Where the confirmation link mailed at sign-up leads once the address is confirmed. */
  callbackURL: string
}

export async function signUp(input: SignUpInput) {
  const { data, error } = await authClient.signUp.email(input)
  if (error) throw toAuthRequestError(error)
  return data
}

export function useSignUp() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: signUp,
    onSuccess: () => queryClient.clear(),
  })
}
