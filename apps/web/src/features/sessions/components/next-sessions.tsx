import { ArrowRight, CalendarClock } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Section } from '../../../components/ui/section'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useGroupChannel } from '../../../hooks/use-group-channel'
import { useSessions } from '../api/find-sessions'
import { JoinSessionLink } from './session-actions'
import { SessionRow } from './session-row'

const NEXT_COUNT = 3

/** The group overview's "Next sessions": what is open now, then the next few planned. */
export function NextSessions({
  groupId,
  emptyAction,
}: {
  groupId: string
  emptyAction?: ReactNode
}) {
  const { isConnected } = useGroupChannel(groupId)
  const active = useSessions(
    groupId,
    { status: 'active', order: 'soonest', limit: NEXT_COUNT },
    isConnected,
  )
  // A weekly series is one entry: its next occurrence.
  const scheduled = useSessions(
    groupId,
    { status: 'scheduled', order: 'soonest', limit: NEXT_COUNT, collapseSeries: 'true' },
    isConnected,
  )
  const sessionsPath = `/groups/${groupId}/sessions`

  let content: ReactNode
  if (active.isPending || scheduled.isPending) {
    content = <ListSkeleton rows={2} label="Loading the next sessions…" />
  } else if (active.isError || scheduled.isError) {
    content = (
      <ErrorAlert
        error={active.error ?? scheduled.error}
        action={
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              void active.refetch()
              void scheduled.refetch()
            }}
          >
            Try again
          </Button>
        }
      />
    )
  } else {
    const items = [
      ...(active.data.pages[0]?.items ?? []),
      ...(scheduled.data.pages[0]?.items ?? []),
    ]
    content =
      items.length === 0 ? (
        <EmptyState icon={CalendarClock} title="Nothing planned yet" action={emptyAction}>
          Sessions are quizzes the group takes together. The next ones show up here, with a Join
          button as soon as they start.
        </EmptyState>
      ) : (
        <ul aria-label="Next sessions" className="flex flex-col divide-y divide-slate-100">
          {items.map((session) => (
            <li key={session.id} className="py-3 first:pt-0 last:pb-0">
              <SessionRow
                session={session}
                actions={
                  session.capabilities.canJoin ? <JoinSessionLink session={session} /> : undefined
                }
              />
            </li>
          ))}
        </ul>
      )
  }

  return (
    <Section
      id="next-sessions"
      title="Next sessions"
      icon={CalendarClock}
      description="Open now and coming up"
      action={
        <Link
          to={sessionsPath}
          className="inline-flex shrink-0 items-center gap-1 rounded-lg px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
        >
          <span className="sr-only sm:not-sr-only">All sessions</span>
          <span aria-hidden className="sm:hidden">
            All
          </span>
          <ArrowRight aria-hidden className="size-4" />
        </Link>
      }
    >
      {content}
    </Section>
  )
}
