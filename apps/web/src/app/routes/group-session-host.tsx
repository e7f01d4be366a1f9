import { ArrowLeft, Lock, MonitorUp, SearchX } from 'lucide-react'
import { Link, useParams } from 'react-router'
import { Button, buttonClassName } from '../../components/ui/button'
import { Card } from '../../components/ui/card'
import { EmptyState } from '../../components/ui/empty-state'
import { ErrorAlert } from '../../components/ui/error-alert'
import { Skeleton } from '../../components/ui/skeleton'
import { LiveHostPanel } from '../../features/live/components/live-host-panel'
import { useSession } from '../../features/sessions/api/get-session'
import { AnswerDistribution } from '../../features/sessions/components/answer-distribution'
import { ExtendSessionControls } from '../../features/sessions/components/extend-session-controls'
import { LiveIndicator } from '../../features/sessions/components/live-indicator'
import { ParticipantList } from '../../features/sessions/components/participant-list'
import { SessionActions } from '../../features/sessions/components/session-actions'
import { SessionStatusBadge } from '../../features/sessions/components/session-badges'
import { SessionCountdown } from '../../features/sessions/components/session-countdown'
import { presentPathOf, sessionPathOf } from '../../features/sessions/utils/session-links'
import { useSessionChannel } from '../../hooks/use-session-channel'
import { hasErrorCode } from '../../lib/errors'
import { useGroupOutlet } from './group'

/**
 * /groups/:groupId/sessions/:sessionId/host — the host's dashboard: who is in and how far, how
 * the answers fall, and the controls (start, end, more time). Creator, owner and admins only.
 */
export function GroupSessionHostRoute() {
  const { group, currentUserId } = useGroupOutlet()
  const { sessionId = '' } = useParams()
  const channel = useSessionChannel(group.id, sessionId)
  const session = useSession(group.id, sessionId, { isPushed: channel.isConnected })
  const sessionPath = `/groups/${group.id}/sessions/${sessionId}`

  const backLink = (
    <Link
      to={sessionPath}
      className="inline-flex w-fit items-center gap-1 rounded-lg text-sm font-semibold text-brand-700 hover:underline"
    >
      <ArrowLeft aria-hidden className="size-4" />
      Back to the session
    </Link>
  )

  if (session.isPending) {
    return (
      <div aria-busy="true" className="flex flex-col gap-6">
        <span className="sr-only">Loading the host view…</span>
        <Skeleton className="h-32 w-full rounded-2xl" />
        <Skeleton className="h-64 w-full rounded-2xl" />
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

  const data = session.data
  if (!data.capabilities.canHost) {
    return (
      <div className="flex flex-col gap-4">
        {backLink}
        <EmptyState icon={Lock} title="Only the session’s hosts can open this view">
          Its creator, the group’s owner and admins run the session from here. You can follow it on
          the session’s page.
        </EmptyState>
      </div>
    )
  }

  return (
    <>
      <title>{`Host · ${data.title} · ${group.name} · LoopQuiz`}</title>
      <div className="flex flex-col gap-6">
        {backLink}
        <Card className="flex flex-col gap-4 p-4 sm:p-6">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex min-w-0 flex-col gap-1">
              <p className="text-sm font-semibold text-brand-700">Host view</p>
              <h1 className="text-2xl font-extrabold tracking-tight break-words text-slate-900 sm:text-3xl">
                {data.title}
              </h1>
              <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <SessionStatusBadge status={data.status} />
                <SessionCountdown
                  session={data}
                  className="inline-flex items-center gap-1 tabular-nums"
                />
                <span>
                  Code <span className="font-mono font-bold text-slate-900">{data.joinCode}</span>
                </span>
              </p>
            </div>
            <div className="flex shrink-0 flex-wrap items-center gap-2">
              <LiveIndicator status={channel.status} />
              <Link
                to={presentPathOf(data)}
                target="_blank"
                className={buttonClassName({ variant: 'secondary', size: 'sm' })}
              >
                <MonitorUp aria-hidden className="size-4" />
                Projector view
                <span className="sr-only"> (opens in a new tab)</span>
              </Link>
            </div>
          </div>
          <SessionActions session={data} isOnSessionPage />
          {data.status === 'active' ? <ExtendSessionControls session={data} /> : null}
        </Card>
        {/* A live (host-paced) session is run from here: phases, countdown, reveal, podium. */}
        {data.mode === 'live' ? <LiveHostPanel groupId={group.id} sessionId={data.id} /> : null}
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
          <ParticipantList
            session={data}
            channel={channel}
            viewerId={currentUserId}
            showsConnection={false}
          />
          <AnswerDistribution
            groupId={group.id}
            sessionId={data.id}
            questions={data.questions}
            isPushed={channel.isConnected}
          />
        </div>
        <p className="text-sm text-slate-500">
          Results compared across the group are on{' '}
          <Link to={sessionPathOf(data)} className="font-semibold text-brand-700 hover:underline">
            the session’s page
          </Link>
          .
        </p>
      </div>
    </>
  )
}
