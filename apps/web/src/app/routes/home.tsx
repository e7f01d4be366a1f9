import { LoadingPanel } from '../../components/ui/spinner'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { Dashboard } from './dashboard'
import { Landing } from './landing'

/** "/": the dashboard for signed-in users, the landing page for everyone else. */
export function HomeRoute() {
  const { user, isPending } = useCurrentUser()
  if (isPending) return <LoadingPanel />
  return user ? <Dashboard name={user.name} /> : <Landing />
}
