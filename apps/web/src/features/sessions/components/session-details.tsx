import type { GroupSession } from '@loopquiz/contract'
import clsx from 'clsx'
import type { LucideIcon } from 'lucide-react'
import {
  CalendarClock,
  CalendarX2,
  Clapperboard,
  Clock,
  ListChecks,
  Repeat,
  ShieldCheck,
  UserRound,
} from 'lucide-react'
import { type ReactNode, useId } from 'react'
import { Card } from '../../../components/ui/card'
import { CopyButton } from '../../../components/ui/copy-button'
import { formatSegment } from '../../../lib/format'
import { formatDuration, modeLabels, plural } from '../utils/labels'
import { describeRule } from '../utils/recurrence'
import { startOf } from '../utils/session-links'
import { SessionActions } from './session-actions'
import { SessionStatusBadge, SessionTypeBadge } from './session-badges'
import { SessionCountdown } from './session-countdown'
import { SessionStateNotice } from './session-state-notice'
import { SessionTime } from './session-time'

function Fact({
  icon: Icon,
  term,
  children,
}: {
  icon: LucideIcon
  term: string
  children: ReactNode
}) {
  return (
    // dt and dd sit right in the div (as a definition list requires); the icon hangs in its padding.
    <div className="relative flex min-w-0 flex-col gap-0.5 rounded-xl bg-slate-50 p-3 pl-10 ring-1 ring-slate-100">
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        <Icon aria-hidden className="absolute top-3.5 left-3 size-4 text-brand-600" />
        {term}
      </dt>
      <dd className="text-sm font-medium break-words text-slate-900">{children}</dd>
    </div>
  )
}

function JoinLinkField({ session }: { session: GroupSession }) {
  const inputId = useId()
  return (
    <div className="flex flex-col gap-1.5 border-t border-slate-100 pt-4">
      <label htmlFor={inputId} className="text-sm font-semibold text-slate-800">
        Join link
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          id={inputId}
          readOnly
          value={session.joinUrl}
          onFocus={(event) => event.target.select()}
          className="h-10 w-full min-w-0 flex-1 rounded-xl border border-slate-300 bg-slate-50 px-3 font-mono text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
        />
        <CopyButton text={session.joinUrl} label="Copy link to join the session" />
      </div>
      <p className="text-xs text-slate-500">Only members of the group can open it.</p>
    </div>
  )
}

/** Everything about one session, and what the viewer may do with it. */
export function SessionDetails({ session }: { session: GroupSession }) {
  const isOver =
    session.status === 'cancelled' ||
    (session.status === 'completed' && !session.capabilities.canJoin)
  return (
    <Card className="flex flex-col gap-4 p-4 sm:p-6">
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <SessionStatusBadge status={session.status} />
          <SessionTypeBadge type={session.sessionType} />
          <span className="text-xs font-semibold text-slate-500">{modeLabels[session.mode]}</span>
          <SessionCountdown
            session={session}
            className={clsx(
              'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ring-1',
              session.status === 'completed'
                ? 'bg-slate-100 text-slate-700 ring-slate-200'
                : 'bg-amber-50 text-amber-800 ring-amber-200',
            )}
          />
        </div>
        <h2 className="text-2xl font-extrabold tracking-tight break-words text-slate-900">
          {session.title}
        </h2>
        {session.description ? (
          <p className="whitespace-pre-line text-slate-700">{session.description}</p>
        ) : null}
      </div>
      <SessionStateNotice session={session} />
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Fact
          icon={CalendarClock}
          term={
            session.status === 'cancelled'
              ? 'Was planned for'
              : session.startedAt
                ? 'Started'
                : 'Starts'
          }
        >
          <SessionTime iso={startOf(session)} groupTimezone={session.groupTimezone} />
        </Fact>
        <Fact icon={Clock} term="Duration">
          {formatDuration(session.durationMinutes)}
          {session.status === 'completed' && session.completedAt ? (
            <span className="block text-xs font-normal text-slate-500">
              Ended <SessionTime iso={session.completedAt} groupTimezone={session.groupTimezone} />
            </span>
          ) : session.endsAt && session.status !== 'cancelled' ? (
            <span className="block text-xs font-normal text-slate-500">
              Ends <SessionTime iso={session.endsAt} groupTimezone={session.groupTimezone} />
            </span>
          ) : null}
        </Fact>
        <Fact icon={Clapperboard} term="Video">
          <a
            href={session.loop.videoUrl}
            target="_blank"
            rel="noreferrer"
            className="font-semibold text-brand-700 hover:underline"
          >
            {session.loop.videoTitle}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
          <span className="block text-xs font-normal text-slate-500 tabular-nums">
            Segment {formatSegment(session.loop.startS, session.loop.endS)}
          </span>
        </Fact>
        <Fact icon={ListChecks} term="Questions">
          {plural(session.questionCount, 'question')} · {plural(session.totalPoints, 'point')}
        </Fact>
        <Fact icon={UserRound} term="Created by">
          {session.createdBy.name}
        </Fact>
        {session.approvedBy ? (
          <Fact icon={ShieldCheck} term="Approved by">
            {session.approvedBy.name}
          </Fact>
        ) : null}
        {session.recurrenceRule ? (
          <Fact icon={Repeat} term="Repeats">
            {describeRule(session.recurrenceRule)}
          </Fact>
        ) : null}
        {session.cancelledAt ? (
          <Fact icon={CalendarX2} term="Cancelled">
            <SessionTime iso={session.cancelledAt} groupTimezone={session.groupTimezone} />
          </Fact>
        ) : null}
      </dl>
      <SessionActions session={session} isOnSessionPage />
      {isOver ? null : <JoinLinkField session={session} />}
    </Card>
  )
}
