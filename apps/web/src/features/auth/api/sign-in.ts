import { useMutation, useQueryClient } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

export interface SignInInput {
  email: string
  password: string
}

export async function signIn(input: SignInInput) {
  const { data, error } = await authClient.signIn.email(input)
  if (error) throw toAuthRequestError(error)
  return data
}

export function useSignIn() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: signIn,
    // Whatever was cached belonged to the previous visitor.
    onSuccess: () => queryClient.clear(),
  })
}
