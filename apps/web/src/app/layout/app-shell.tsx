import clsx from 'clsx'
import { LayoutDashboard, type LucideIcon, Puzzle, Users } from 'lucide-react'
import { lazy, Suspense } from 'react'
import { Link, NavLink, Outlet, ScrollRestoration } from 'react-router'
import { buttonClassName } from '../../components/ui/button'
import { Logo } from '../../components/ui/logo'
import { Skeleton } from '../../components/ui/skeleton'
import { UserMenu } from '../../features/auth/components/user-menu'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'

// Its own chunk, fetched once someone is signed in: it brings the socket client, which a guest
// (on a quiz link, say) never needs.
const NotificationBell = lazy(() =>
  import('../../features/notifications/components/notification-bell').then((m) => ({
    default: m.NotificationBell,
  })),
)

function AccountArea() {
  const { user, isPending } = useCurrentUser()
  if (isPending) return <Skeleton className="size-9 rounded-full" />
  if (user) {
    return (
      <div className="flex items-center sm:gap-2">
        <Suspense fallback={<span aria-hidden className="size-8 sm:size-9" />}>
          <NotificationBell />
        </Suspense>
        <UserMenu user={user} />
      </div>
    )
  }
  return (
    <div className="flex items-center gap-1 sm:gap-2">
      <Link to="/login" className={buttonClassName({ variant: 'ghost', size: 'sm' })}>
        Sign in
      </Link>
      <Link to="/signup" className={buttonClassName({ size: 'sm' })}>
        Sign up
      </Link>
    </div>
  )
}

function NavItem({
  to,
  icon: Icon,
  label,
  end,
}: {
  to: string
  icon: LucideIcon
  label: string
  end?: boolean
}) {
  return (
    <NavLink
      to={to}
      end={end}
      className={({ isActive }) =>
        clsx(
          'inline-flex items-center gap-1.5 rounded-lg px-1 py-1.5 text-[13px] font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-brand-600 sm:px-2.5 sm:text-sm',
          isActive
            ? 'bg-brand-50 text-brand-700'
            : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
        )
      }
    >
      {/* Phones show the words alone, tightly: with icons, three items, the bell and the account button overlap at 375px. */}
      <Icon aria-hidden className="hidden size-4 sm:block" />
      {label}
    </NavLink>
  )
}

function TopNav() {
  const { user } = useCurrentUser()
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200/80 bg-white/85 backdrop-blur-md">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-1.5 px-3 sm:gap-3 sm:px-6">
        <nav aria-label="Main" className="flex min-w-0 items-center gap-0.5 sm:gap-6">
          <Link
            to="/"
            aria-label="LoopQuiz home"
            className="rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-600"
          >
            <Logo isCompactOnPhone={user !== null} />
          </Link>
          {user ? (
            <>
              <NavItem to="/" end icon={LayoutDashboard} label="Dashboard" />
              <NavItem to="/loops" icon={Puzzle} label="Loops" />
              <NavItem to="/groups" icon={Users} label="Groups" />
            </>
          ) : null}
        </nav>
        <AccountArea />
      </div>
    </header>
  )
}

/** Every page: skip link, top navigation, the page, a footer. */
export function AppShell() {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-2 font-semibold text-brand-700 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <TopNav />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-10">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200/80 py-6 text-center text-sm text-slate-500">
        LoopQuiz · learn from the moments that matter
      </footer>
      <ScrollRestoration />
    </div>
  )
}
