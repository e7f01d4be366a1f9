import type { GroupSession } from '@loopquiz/contract'
import clsx from 'clsx'
import { Activity, Users } from 'lucide-react'
import type { ReactNode } from 'react'
import { Avatar } from '../../../components/ui/avatar'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { ProgressBar } from '../../../components/ui/progress-bar'
import { RelativeTime } from '../../../components/ui/relative-time'
import { Section } from '../../../components/ui/section'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useParticipants } from '../api/find-participants'
import { plural } from '../utils/labels'

/** Who is taking the session and how far they are: polled every few seconds while it is open. */
export function ParticipantList({ session }: { session: GroupSession }) {
  const isLive = session.status === 'active' || session.capabilities.canJoin
  const participants = useParticipants(session.groupId, session.id, isLive)
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
  } else if (participants.data.items.length === 0) {
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
        {participants.data.items.map((participant) => (
          <li
            key={participant.userId}
            className={clsx(
              'flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-4',
              // Muted, not faded out: their result stays part of the history and must stay readable.
              participant.leftGroup && 'text-slate-600',
            )}
          >
            <div className="flex min-w-0 items-center gap-3 sm:w-64 sm:shrink-0">
              <Avatar name={participant.name} />
              <div className="flex min-w-0 flex-col">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                  <span
                    className={clsx(
                      'truncate font-semibold',
                      participant.leftGroup ? 'text-slate-600' : 'text-slate-900',
                    )}
                  >
                    {participant.name}
                  </span>
                  {participant.completedAt ? (
                    <Badge tone="success">Completed</Badge>
                  ) : participant.leftGroup ? null : (
                    <Badge tone="brand">Answering</Badge>
                  )}
                  {participant.late ? <Badge tone="warning">Late</Badge> : null}
                  {participant.leftGroup ? <Badge>Left the group</Badge> : null}
                </p>
                <p className="text-xs text-slate-500">
                  <RelativeTime iso={participant.joinedAt} prefix="Joined" />
                </p>
              </div>
            </div>
            <div className="flex min-w-0 flex-1 items-center gap-3 pl-13 sm:pl-0">
              <div className="flex min-w-0 flex-1 flex-col gap-1">
                <ProgressBar
                  value={participant.answeredCount}
                  max={total}
                  label={`${participant.name}’s progress`}
                />
                <span className="text-xs text-slate-500 tabular-nums">
                  {participant.answeredCount}/{total} answered
                </span>
              </div>
              <span className="shrink-0 rounded-full bg-amber-50 px-2.5 py-1 text-sm font-bold text-amber-800 tabular-nums ring-1 ring-amber-200">
                <span className="sr-only">Score </span>
                {participant.score}/{participant.maxScore}
              </span>
            </div>
          </li>
        ))}
      </ul>
    )
  }

  const count = participants.data?.items.length ?? session.participantCount
  return (
    <Section
      id="participants"
      title="Participants"
      icon={Activity}
      description={`${plural(count, 'member')} joined${isLive ? ' · updates every few seconds' : ''}`}
    >
      {content}
    </Section>
  )
}
