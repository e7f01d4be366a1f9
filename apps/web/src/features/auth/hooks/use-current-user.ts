import { authClient } from '../../../lib/auth-client'

/** The signed-in user (or null) from Better Auth's session store; pending until first known. */
export function useCurrentUser() {
  const session = authClient.useSession()
  return {
    user: session.data?.user ?? null,
    isPending: session.isPending,
    refetch: session.refetch,
  }
}
