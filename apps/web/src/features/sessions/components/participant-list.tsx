import type { GroupSession } from '@loopquiz/contract'
import { useQueryClient } from '@tanstack/react-query'
import clsx from 'clsx'
import { Activity, Users } from 'lucide-react'
import { type ReactNode, useEffect } from 'react'
import { Avatar } from '../../../components/ui/avatar'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { ProgressBar } from '../../../components/ui/progress-bar'
import { RelativeTime } from '../../../components/ui/relative-time'
import { Section } from '../../../components/ui/section'
import { ListSkeleton } from '../../../components/ui/skeleton'
import type { SessionChannel } from '../../../hooks/use-session-channel'
import { findParticipantsQueryOptions, useParticipants } from '../api/find-participants'
import { plural } from '../utils/labels'
import { mergeParticipants, progressLabel } from '../utils/participant-rows'
import { LiveIndicator } from './live-indicator'

/**
 * The session's participants from the stored list and the channel's pushes; a joiner the list
 * does not have yet makes it refetch once (pushes carry progress, not join times).
 */
export function useParticipantRows(
  session: GroupSession,
  channel: SessionChannel,
  viewerId?: string,
) {
  const isLive = session.status === 'active' || session.capabilities.canJoin
  const participants = useParticipants(session.groupId, session.id, isLive && !channel.isConnected)
  const queryClient = useQueryClient()
  const rows = participants.data
    ? mergeParticipants(participants.data.items, channel.participants, viewerId)
    : null
  const unstoredJoiners = (rows ?? [])
    .filter((row) => row.hasJoined && row.stored === null)
    .map((row) => row.userId)
    .join(',')
  useEffect(() => {
    if (unstoredJoiners === '') return
    void queryClient.invalidateQueries({
      queryKey: findParticipantsQueryOptions(session.groupId, session.id, false).queryKey,
    })
  }, [unstoredJoiners, queryClient, session.groupId, session.id])
  return { participants, rows, isLive }
}

function OnlineDot({ isOnline }: { isOnline: boolean }) {
  return (
    <span
      aria-hidden
      className={clsx(
        'absolute -right-0.5 -bottom-0.5 size-3.5 rounded-full ring-2 ring-white',
        isOnline ? 'bg-emerald-500' : 'bg-slate-300',
      )}
    />
  )
}

/** Who is taking the session now and how far they are, updated by the session's pushes. */
export function ParticipantList({
  session,
  channel,
  viewerId,
  showsConnection = true,
}: {
  session: GroupSession
  channel: SessionChannel
  /** Left out while they have not joined: the host watching is not taking part. */
  viewerId?: string
  /** Off where the page shows the connection's state once for everything on it. */
  showsConnection?: boolean
}) {
  const { participants, rows, isLive } = useParticipantRows(session, channel, viewerId)
  const total = session.questionCount

  let content: ReactNode
  if (participants.isPending) content = <ListSkeleton label="Loading participants…" />
  else if (participants.isError) {
    content = (
      <ErrorAlert
        error={participants.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => participants.refetch()}>
            Try again
          </Button>
        }
      />
    )
  } else if (!rows || rows.length === 0) {
    content = (
      <EmptyState icon={Users} title="Nobody has joined yet">
        {session.status === 'scheduled' || session.status === 'pending_approval'
          ? 'Members can join once the session starts. Their progress shows here as they answer.'
          : isLive
            ? 'Share the join link: progress shows here live as members answer.'
            : 'Nobody took part in this session.'}
      </EmptyState>
    )
  } else {
    content = (
      <ul aria-label="Participants" className="flex flex-col divide-y divide-slate-100">
        {rows.map((row) => {
          const leftGroup = row.stored?.leftGroup ?? false
          // While live, the line under the name says where they are instead.
          const showsAnswering = !isLive && !leftGroup && row.hasJoined
          return (
            <li
              key={row.userId}
              className={clsx(
                'flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-4',
                // Muted, not faded out: their result stays part of the history and must stay readable.
                leftGroup && 'text-slate-600',
              )}
            >
              <div className="flex min-w-0 items-center gap-3 sm:w-64 sm:shrink-0">
                <span className="relative shrink-0">
                  <Avatar name={row.name} />
                  {isLive ? <OnlineDot isOnline={row.isOnline} /> : null}
                </span>
                <div className="flex min-w-0 flex-col">
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                    <span
                      className={clsx(
                        'truncate font-semibold',
                        leftGroup ? 'text-slate-600' : 'text-slate-900',
                      )}
                    >
                      {row.name}
                    </span>
                    {isLive ? (
                      <span className="sr-only">{row.isOnline ? ', online' : ', not online'}</span>
                    ) : null}
                    {row.isFinished ? (
                      <Badge tone="success">Completed</Badge>
                    ) : showsAnswering ? (
                      <Badge tone="brand">Answering</Badge>
                    ) : null}
                    {row.stored?.late ? <Badge tone="warning">Late</Badge> : null}
                    {leftGroup ? <Badge>Left the group</Badge> : null}
                  </p>
                  <p className="text-xs text-slate-500">
                    {isLive ? (
                      progressLabel(row, total)
                    ) : row.stored ? (
                      <RelativeTime iso={row.stored.joinedAt} prefix="Joined" />
                    ) : null}
                  </p>
                </div>
              </div>
              <div className="flex min-w-0 flex-1 items-center gap-3 pl-13 sm:pl-0">
                <div className="flex min-w-0 flex-1 flex-col gap-1">
                  <ProgressBar
                    value={row.answeredCount}
                    max={total}
                    label={`${row.name}’s progress`}
                  />
                  <span className="text-xs text-slate-500 tabular-nums">
                    {row.answeredCount}/{total} answered
                  </span>
                </div>
                <span className="shrink-0 rounded-full bg-amber-50 px-2.5 py-1 text-sm font-bold text-amber-800 tabular-nums ring-1 ring-amber-200">
                  <span className="sr-only">Score </span>
                  {row.score}/{row.maxScore ?? session.totalPoints}
                </span>
              </div>
            </li>
          )
        })}
      </ul>
    )
  }

  const joined = rows?.filter((row) => row.hasJoined).length ?? session.participantCount
  const online = rows?.filter((row) => row.isOnline).length ?? 0
  return (
    <Section
      id="participants"
      title="Participants"
      icon={Activity}
      description={`${plural(joined, 'member')} joined${isLive ? ` · ${online} here now` : ''}`}
      action={isLive && showsConnection ? <LiveIndicator status={channel.status} /> : null}
    >
      {content}
    </Section>
  )
}
