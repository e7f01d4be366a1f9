import { ArrowLeft, MonitorPlay, SearchX } from 'lucide-react'
import { Link, useParams } from 'react-router'
import { Button, buttonClassName } from '../../components/ui/button'
import { EmptyState } from '../../components/ui/empty-state'
import { ErrorAlert } from '../../components/ui/error-alert'
import { Skeleton } from '../../components/ui/skeleton'
import { AddToCalendarLink } from '../../features/calendar/components/add-to-calendar-link'
import { canAddToCalendar } from '../../features/calendar/utils/session-calendar-file'
import { useSession } from '../../features/sessions/api/get-session'
import { ParticipantList } from '../../features/sessions/components/participant-list'
import { SessionDetails } from '../../features/sessions/components/session-details'
import { SessionResults } from '../../features/sessions/components/session-results'
import { hostPathOf } from '../../features/sessions/utils/session-links'
import { useSessionChannel } from '../../hooks/use-session-channel'
import { hasErrorCode } from '../../lib/errors'
import { useGroupOutlet } from './group'

/** /groups/:groupId/sessions/:sessionId — the session, its live participants and its results. */
export function GroupSessionRoute() {
  const { group, currentUserId } = useGroupOutlet()
  const { sessionId = '' } = useParams()
  const channel = useSessionChannel(group.id, sessionId)
  const session = useSession(group.id, sessionId, { isPushed: channel.isConnected })
  const sessionsPath = `/groups/${group.id}/sessions`

  const backLink = (
    <Link
      to={sessionsPath}
      className="inline-flex w-fit items-center gap-1 rounded-lg text-sm font-semibold text-brand-700 hover:underline"
    >
      <ArrowLeft aria-hidden className="size-4" />
      All sessions
    </Link>
  )

  if (session.isPending) {
    return (
      <div aria-busy="true" className="flex flex-col gap-6">
        <span className="sr-only">Loading the session…</span>
        <Skeleton className="h-64 w-full rounded-2xl" />
        <Skeleton className="h-40 w-full rounded-2xl" />
      </div>
    )
  }
  if (session.isError) {
    return (
      <div className="flex flex-col gap-4">
        {backLink}
        {hasErrorCode(session.error, 'SESSION_NOT_FOUND', 'VALIDATION_FAILED') ? (
          <EmptyState icon={SearchX} title="We couldn’t find this session">
            It may have been removed. The group’s sessions are all listed under Sessions.
          </EmptyState>
        ) : (
          <ErrorAlert
            error={session.error}
            action={
              <Button variant="secondary" size="sm" onClick={() => session.refetch()}>
                Try again
              </Button>
            }
          />
        )}
      </div>
    )
  }

  const isOpen = session.data.status === 'active' || session.data.capabilities.canJoin
  return (
    <>
      <title>{`${session.data.title} · ${group.name} · LoopQuiz`}</title>
      <div className="flex flex-col gap-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          {backLink}
          <div className="flex flex-wrap items-center gap-2">
            {canAddToCalendar(session.data.status) ? (
              <AddToCalendarLink groupId={group.id} sessionId={session.data.id} />
            ) : null}
            {session.data.capabilities.canHost ? (
              <Link
                to={hostPathOf(session.data)}
                className={buttonClassName({ variant: 'secondary', size: 'sm' })}
              >
                <MonitorPlay aria-hidden className="size-4" />
                Host view
              </Link>
            ) : null}
          </div>
        </div>
        <SessionDetails session={session.data} />
        <div
          className={`grid grid-cols-1 items-start gap-6 ${session.data.participantCount > 0 ? 'lg:grid-cols-2' : ''}`}
        >
          <ParticipantList session={session.data} channel={channel} viewerId={currentUserId} />
          {session.data.participantCount > 0 ? (
            <SessionResults
              groupId={group.id}
              sessionId={session.data.id}
              currentUserId={currentUserId}
              isLive={isOpen}
              isPushed={channel.isConnected}
            />
          ) : null}
        </div>
      </div>
    </>
  )
}
