import { lazy, Suspense } from 'react'
import { LoadingPanel } from '../../components/ui/spinner'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { Landing } from './landing'

// Only signed-in users see it: visitors on the landing page never download its code.
const Dashboard = lazy(() => import('./dashboard').then((m) => ({ default: m.Dashboard })))

/** "/": the dashboard for signed-in users, the landing page for everyone else. */
export function HomeRoute() {
  const { user, isPending } = useCurrentUser()
  if (isPending) return <LoadingPanel />
  if (!user) return <Landing />
  return (
    <Suspense fallback={<LoadingPanel />}>
      <Dashboard user={user} />
    </Suspense>
  )
}
