import { CalendarClock, Radio } from 'lucide-react'
import type { ReactNode } from 'react'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useUserSessions } from '../api/find-user-sessions'
import { JoinSessionLink } from './session-actions'
import { SessionRow } from './session-row'

interface UserSessionListProps {
  scope: 'active' | 'upcoming'
  limit?: number
  /** e.g. a link to the groups page, offered when there is nothing */
  emptyAction?: ReactNode
  /** The page watches the user's groups: changes arrive as pushes, no polling needed. */
  isPushed?: boolean
}

const empty = {
  active: {
    icon: Radio,
    title: 'No session open right now',
    text: 'When a session starts in one of your groups, it appears here with a Join button.',
  },
  upcoming: {
    icon: CalendarClock,
    title: 'Nothing scheduled',
    text: 'Sessions planned in your groups show up here, in your own time zone and the group’s.',
  },
}

/** My sessions across every group: the open ones (to join) or the next ones planned. */
export function UserSessionList({
  scope,
  limit = 5,
  emptyAction,
  isPushed = false,
}: UserSessionListProps) {
  const sessions = useUserSessions(scope, { limit, isPushed })

  if (sessions.isPending) return <ListSkeleton rows={2} label="Loading your sessions…" />
  if (sessions.isError) {
    return (
      <ErrorAlert
        error={sessions.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => sessions.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }
  if (sessions.data.items.length === 0) {
    const { icon, title, text } = empty[scope]
    return (
      <EmptyState icon={icon} title={title} action={emptyAction}>
        {text}
      </EmptyState>
    )
  }
  return (
    <ul
      aria-label={scope === 'active' ? 'Active sessions' : 'Upcoming sessions'}
      className="flex flex-col divide-y divide-slate-100"
    >
      {sessions.data.items.map((session) => (
        <li key={session.id} className="py-3 first:pt-0 last:pb-0">
          <SessionRow
            session={session}
            isGroupShown
            actions={
              session.capabilities.canJoin ? <JoinSessionLink session={session} /> : undefined
            }
          />
        </li>
      ))}
    </ul>
  )
}
