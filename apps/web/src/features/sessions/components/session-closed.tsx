import type { GroupSession } from '@loopquiz/contract'
import { BarChart3, CalendarX2, Flag } from 'lucide-react'
import { Link } from 'react-router'
import { buttonClassName } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { browserTimeZone, formatDateTimeIn } from '../../../lib/zoned-time'
import { cancelReasonLabels } from '../utils/labels'
import { sessionPathOf } from '../utils/session-links'

/** The session takes no more answers: cancelled, or over. Points to its results. */
export function SessionClosed({ session }: { session: GroupSession }) {
  const isCancelled = session.status === 'cancelled'
  const Icon = isCancelled ? CalendarX2 : Flag
  const answered = session.myParticipation?.answeredCount ?? 0
  return (
    <Card className="flex flex-col items-center gap-4 px-5 py-8 text-center sm:px-10">
      <span
        className={`grid size-14 place-items-center rounded-2xl ${isCancelled ? 'bg-rose-100 text-rose-700' : 'bg-slate-100 text-slate-700'}`}
      >
        <Icon aria-hidden className="size-7" />
      </span>
      <h2 className="text-2xl font-bold tracking-tight text-balance text-slate-900">
        {isCancelled ? (
          'This session was cancelled'
        ) : session.completedAt ? (
          <>
            This session ended at{' '}
            <time dateTime={session.completedAt}>
              {formatDateTimeIn(session.completedAt, browserTimeZone())}
            </time>
          </>
        ) : (
          'This session is over'
        )}
      </h2>
      {isCancelled && session.cancelReason ? (
        <p className="rounded-full bg-rose-50 px-3 py-1 text-sm font-semibold text-rose-800 ring-1 ring-rose-200">
          {cancelReasonLabels[session.cancelReason]}
        </p>
      ) : null}
      <p className="max-w-md text-slate-600">
        {isCancelled
          ? 'It won’t take place. Look at the group’s other sessions for the next one.'
          : session.myParticipation
            ? `It closed before you finished: you answered ${answered} of ${session.questionCount} questions.`
            : 'Members can no longer join or answer. See how the group did.'}
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        {isCancelled ? null : (
          <Link to={sessionPathOf(session)} className={buttonClassName()}>
            <BarChart3 aria-hidden className="size-4" />
            See the results
          </Link>
        )}
        <Link
          to={`/groups/${session.groupId}/sessions`}
          className={buttonClassName({ variant: 'secondary' })}
        >
          All sessions of {session.groupName}
        </Link>
      </div>
    </Card>
  )
}
