import { authClient } from '../../../lib/auth-client'

// The server marks a page it sent to a request without a session. Until Better Auth's own
// first answer, that is enough to know the visitor is a guest: their page shows at once
// instead of after a session check. Later checks (after signing in) are not covered by it.
// The build prerenders pages (no document) only for guests: see app/prerender.tsx.
let isGuestUntilFirstAnswer =
  typeof document === 'undefined' ||
  document.querySelector('meta[name="loopquiz:viewer"]')?.getAttribute('content') === 'guest'

/** The signed-in user (or null) from Better Auth's session store; pending until first known. */
export function useCurrentUser() {
  const session = authClient.useSession()
  if (!session.isPending) isGuestUntilFirstAnswer = false
  return {
    user: session.data?.user ?? null,
    isPending: session.isPending && !isGuestUntilFirstAnswer,
    refetch: session.refetch,
  }
}
