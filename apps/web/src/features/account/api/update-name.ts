import { useMutation } from '@tanstack/react-query'
import { authClient } from '../../../lib/auth-client'
import { toAuthRequestError } from '../../../lib/errors'

export async function updateName(name: string) {
  const { data, error } = await authClient.updateUser({ name })
  if (error) throw toAuthRequestError(error)
  return data
}

export function useUpdateName() {
  // Better Auth's client refreshes its session store (the header's name) after an update.
  return useMutation({ mutationFn: updateName })
}
