import { useNavigate, useSearchParams } from 'react-router'
import { safeNext } from '../utils/safe-next'
import { useCurrentUser } from './use-current-user'

/** For the login and signup pages: where to go once signed in (`?next=`), and going there. */
export function useAuthRedirect() {
  const [searchParams] = useSearchParams()
  const next = safeNext(searchParams.get('next'))
  const navigate = useNavigate()
  const { user, refetch } = useCurrentUser()

  async function goNext() {
    // Protected pages read the session store; have it hold the new session first.
    await refetch()
    navigate(next, { replace: true })
  }

  return { user, next, goNext }
}
