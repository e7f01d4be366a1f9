import { Navigate, Outlet, useLocation } from 'react-router'
import { LoadingPanel } from '../../../components/ui/spinner'
import { useCurrentUser } from '../hooks/use-current-user'
import { loginPath } from '../utils/safe-next'

/** Layout route: renders its children for signed-in users, sends others to sign in and back. */
export function RequireAuth() {
  const { user, isPending } = useCurrentUser()
  const location = useLocation()
  if (isPending) return <LoadingPanel label="Checking your session…" />
  if (!user) {
    return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />
  }
  return <Outlet />
}
