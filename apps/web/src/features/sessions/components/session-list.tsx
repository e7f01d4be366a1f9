import { CalendarRange, SearchX } from 'lucide-react'
import type { ReactNode } from 'react'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadMore } from '../../../components/ui/load-more'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useGroupChannel } from '../../../hooks/use-group-channel'
import { type SessionListQuery, useSessions } from '../api/find-sessions'
import { SeriesRow } from './series-row'
import { SessionActions } from './session-actions'
import { SessionRow } from './session-row'

interface SessionListProps {
  groupId: string
  query: SessionListQuery
  isFiltered: boolean
  onClearFilters: () => void
  /** Offered when the group has no sessions at all, e.g. "Schedule session". */
  emptyAction?: ReactNode
}

/**
 * A group's sessions, past and future, with their quick actions; a recurring series is one row
 * when the query collapses series. "Show more" pages on.
 */
export function SessionList({
  groupId,
  query,
  isFiltered,
  onClearFilters,
  emptyAction,
}: SessionListProps) {
  // Rows change status by the group's pushes; polled only while the socket is down.
  const channel = useGroupChannel(groupId)
  const sessions = useSessions(groupId, query, channel.isConnected)

  if (sessions.isPending) return <ListSkeleton rows={4} label="Loading sessions…" />
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

  const items = sessions.data.pages.flatMap((page) => page.items)
  if (items.length === 0) {
    return isFiltered ? (
      <EmptyState
        icon={SearchX}
        title="No sessions match these filters"
        action={
          <Button variant="secondary" size="sm" onClick={onClearFilters}>
            Clear filters
          </Button>
        }
      >
        Try another status or a wider date range.
      </EmptyState>
    ) : (
      <EmptyState icon={CalendarRange} title="No sessions yet" action={emptyAction}>
        A session is a quiz the whole group takes together, at a set time or right now. Everyone
        answers at their own pace while it is open, then sees how they did next to the group.
        {emptyAction
          ? ' Schedule one from a loop you made, or start one now.'
          : ' Sessions the owner or admins plan will show up here.'}
      </EmptyState>
    )
  }

  return (
    <div className="flex flex-col gap-3">
      <ul aria-label="Sessions" className="flex flex-col divide-y divide-slate-100">
        {items.map((session) => (
          <li key={session.id} className="py-4 first:pt-0 last:pb-0">
            {session.series ? (
              <SeriesRow session={session} series={session.series} />
            ) : (
              <SessionRow session={session} actions={<SessionActions session={session} />} />
            )}
          </li>
        ))}
      </ul>
      <LoadMore
        hasNextPage={sessions.hasNextPage}
        isFetchingNextPage={sessions.isFetchingNextPage}
        onLoadMore={() => sessions.fetchNextPage()}
        label="Show more sessions"
      />
    </div>
  )
}
