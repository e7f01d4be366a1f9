import type { GroupSession } from '@loopquiz/contract'
import { CalendarClock, Hourglass } from 'lucide-react'
import { Card } from '../../../components/ui/card'
import { Spinner } from '../../../components/ui/spinner'
import { useNow } from '../../../hooks/use-now'
import {
  browserTimeZone,
  formatDateTimeIn,
  isSameWallClock,
  zoneLabel,
} from '../../../lib/zoned-time'
import { formatCountdown } from '../utils/labels'
import { startOf } from '../utils/session-links'

/** Before the start: when it opens, a countdown, and the promise that the page opens it itself. */
export function SessionWaiting({ session }: { session: GroupSession }) {
  const now = useNow()
  const startsAt = startOf(session)
  const left = new Date(startsAt).getTime() - now
  const isPendingApproval = session.status === 'pending_approval'
  const viewerZone = browserTimeZone()
  return (
    <Card className="flex flex-col items-center gap-4 px-5 py-8 text-center sm:px-10">
      <span className="grid size-14 place-items-center rounded-2xl bg-brand-100 text-brand-700">
        <CalendarClock aria-hidden className="size-7" />
      </span>
      <div className="flex flex-col gap-1">
        <h2 className="text-2xl font-bold tracking-tight text-balance text-slate-900">
          This session starts at{' '}
          <time dateTime={startsAt}>{formatDateTimeIn(startsAt, session.groupTimezone)}</time>
        </h2>
        <p className="text-sm text-slate-600">
          Group time ({zoneLabel(session.groupTimezone)})
          {isSameWallClock(startsAt, session.groupTimezone, viewerZone) ? (
            ', the same as yours'
          ) : (
            <>
              {' · '}
              <span className="font-semibold text-slate-800">
                {formatDateTimeIn(startsAt, viewerZone)}
              </span>{' '}
              your time
            </>
          )}
        </p>
      </div>
      <p className="inline-flex items-center gap-2 rounded-full bg-amber-50 px-4 py-1.5 text-lg font-extrabold text-amber-800 tabular-nums ring-1 ring-amber-200">
        <Hourglass aria-hidden className="size-5" />
        {left > 0 ? `Starts in ${formatCountdown(left)}` : 'Starting…'}
      </p>
      {isPendingApproval ? (
        <p className="max-w-md text-slate-600">
          It is waiting for an owner or admin of the group to approve it.
        </p>
      ) : (
        <p className="flex max-w-md items-center gap-2 text-slate-600">
          <Spinner className="size-4 shrink-0 text-brand-600" />
          Keep this page open: the quiz opens here by itself when the session starts.
        </p>
      )}
    </Card>
  )
}
