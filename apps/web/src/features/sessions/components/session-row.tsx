import type { GroupSession } from '@loopquiz/contract'
import clsx from 'clsx'
import { Clock, ListChecks, Repeat, UserRound, Users } from 'lucide-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { cancelReasonLabels, formatDuration, plural } from '../utils/labels'
import { describeRule } from '../utils/recurrence'
import { sessionPathOf, startOf } from '../utils/session-links'
import { SessionStatusBadge, SessionTypeBadge } from './session-badges'
import { SessionTime } from './session-time'

const tileFormats = new Map<string, { month: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>()

function tileFormatOf(zone: string) {
  let format = tileFormats.get(zone)
  if (!format) {
    format = {
      month: new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: zone }),
      day: new Intl.DateTimeFormat(undefined, { day: 'numeric', timeZone: zone }),
    }
    tileFormats.set(zone, format)
  }
  return format
}

/** The day of a session as a calendar leaf, on the group's calendar. */
function DateTile({ session }: { session: GroupSession }) {
  const at = new Date(startOf(session))
  const format = tileFormatOf(session.groupTimezone)
  const isMuted = session.status === 'completed' || session.status === 'cancelled'
  return (
    <span
      aria-hidden
      className={clsx(
        'flex size-12 shrink-0 flex-col items-center justify-center rounded-xl leading-none',
        isMuted
          ? 'bg-slate-100 text-slate-600'
          : 'bg-linear-to-br from-brand-100 to-fuchsia-100 text-brand-800',
      )}
    >
      <span className="text-[0.65rem] font-bold tracking-wide uppercase">
        {format.month.format(at)}
      </span>
      <span className="text-lg font-extrabold">{format.day.format(at)}</span>
    </span>
  )
}

interface SessionRowProps {
  session: GroupSession
  /** Shown under the facts, e.g. the quick actions. */
  actions?: ReactNode
  /** Name the group too (lists across groups, like the dashboard). */
  isGroupShown?: boolean
  /** Before the time, e.g. "Next" on the row of a series that shows its next occurrence. */
  timeLabel?: string
  /** Instead of the recurrence rule, e.g. the series at a glance; null shows neither. */
  repeats?: ReactNode
  /** Off inside a series' own list, where every row is an occurrence. */
  isTypeShown?: boolean
}

/** One session in a list: what, when (group's and viewer's clock), how long, who, how many. */
export function SessionRow({
  session,
  actions,
  isGroupShown = false,
  timeLabel,
  repeats,
  isTypeShown = true,
}: SessionRowProps) {
  const repeatsText =
    repeats !== undefined
      ? repeats
      : session.recurrenceRule
        ? describeRule(session.recurrenceRule)
        : null
  return (
    <div className="flex gap-3 sm:gap-4">
      <DateTile session={session} />
      <div className="flex min-w-0 flex-1 flex-col gap-1.5">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            to={sessionPathOf(session)}
            className={clsx(
              'min-w-0 font-semibold break-words text-slate-900 hover:text-brand-700 hover:underline',
              session.status === 'cancelled' && 'line-through decoration-slate-400',
            )}
          >
            {session.title}
          </Link>
          <SessionStatusBadge status={session.status} />
          {isTypeShown ? <SessionTypeBadge type={session.sessionType} /> : null}
        </div>
        {isGroupShown ? (
          <p className="text-sm font-medium text-brand-700">{session.groupName}</p>
        ) : null}
        <p className="text-sm text-slate-700">
          {timeLabel ? <span className="font-semibold">{timeLabel}: </span> : null}
          <SessionTime iso={startOf(session)} groupTimezone={session.groupTimezone} />
        </p>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-500">
          <span className="inline-flex items-center gap-1">
            <Clock aria-hidden className="size-3.5" />
            {formatDuration(session.durationMinutes)}
          </span>
          <span className="inline-flex items-center gap-1">
            <UserRound aria-hidden className="size-3.5" />
            by {session.createdBy.name}
          </span>
          <span className="inline-flex items-center gap-1">
            <Users aria-hidden className="size-3.5" />
            {plural(session.participantCount, 'participant')}
          </span>
          <span className="inline-flex items-center gap-1">
            <ListChecks aria-hidden className="size-3.5" />
            {plural(session.questionCount, 'question')}
          </span>
          {repeatsText ? (
            <span className="inline-flex items-center gap-1">
              <Repeat aria-hidden className="size-3.5" />
              {repeatsText}
            </span>
          ) : null}
        </p>
        {session.status === 'cancelled' && session.cancelReason ? (
          <p className="text-sm font-medium text-rose-700">
            {cancelReasonLabels[session.cancelReason]}
          </p>
        ) : null}
        {actions ? <div className="pt-1">{actions}</div> : null}
      </div>
    </div>
  )
}
