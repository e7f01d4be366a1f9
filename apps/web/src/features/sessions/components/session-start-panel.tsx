import type { GroupSession } from '@loopquiz/contract'
import { ListChecks, Sparkles, Trophy, Users } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { browserTimeZone, formatDateTimeIn } from '../../../lib/zoned-time'
import { plural } from '../utils/labels'

interface SessionStartPanelProps {
  session: GroupSession
  onStart: () => void
  isStarting: boolean
  error: unknown
}

/** Before joining an open session: what it holds, and one button to join and start. */
export function SessionStartPanel({ session, onStart, isStarting, error }: SessionStartPanelProps) {
  const isLate = session.status === 'completed'
  const viewerZone = browserTimeZone()
  return (
    <Card className="overflow-hidden">
      <div className="bg-linear-to-br from-brand-600 via-brand-700 to-fuchsia-700 px-5 py-6 text-white sm:px-8">
        <p className="flex items-center gap-2 text-sm font-semibold text-brand-100">
          <Sparkles aria-hidden className="size-4" />
          {isLate ? 'You can still take part' : 'The session is open'}
        </p>
        <h2 className="mt-1 text-2xl font-extrabold tracking-tight">Join the session</h2>
        <ul className="mt-4 flex flex-wrap gap-2 text-sm font-semibold">
          <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
            <ListChecks aria-hidden className="size-4" />
            {plural(session.questionCount, 'question')}
          </li>
          <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
            <Trophy aria-hidden className="size-4" />
            {plural(session.totalPoints, 'point')}
          </li>
          <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
            <Users aria-hidden className="size-4" />
            {session.participantCount === 0
              ? 'Be the first to join'
              : `${plural(session.participantCount, 'member')} in`}
          </li>
        </ul>
      </div>
      <div className="flex flex-col gap-4 p-5 sm:p-8">
        {error ? <ErrorAlert error={error} /> : null}
        {isLate ? (
          <p className="rounded-xl bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">
            {session.completedAt ? (
              <>
                This session ended at{' '}
                <time dateTime={session.completedAt}>
                  {formatDateTimeIn(session.completedAt, viewerZone)}
                </time>
                .{' '}
              </>
            ) : null}
            {session.lateUntil ? (
              <>
                You can still answer until{' '}
                <time dateTime={session.lateUntil} className="font-semibold">
                  {formatDateTimeIn(session.lateUntil, viewerZone)}
                </time>
                ; your result will be marked late.
              </>
            ) : (
              'You can still answer; your result will be marked late.'
            )}
          </p>
        ) : (
          <p className="text-slate-600">
            Answer at your own pace. Your score joins the group’s results, and you can leave and
            come back until the session ends.
          </p>
        )}
        {session.description ? (
          <p className="rounded-xl bg-slate-50 p-3 text-sm whitespace-pre-line text-slate-700 ring-1 ring-slate-100">
            {session.description}
          </p>
        ) : null}
        <div className="flex justify-end">
          <Button size="lg" onClick={onStart} isLoading={isStarting}>
            Start quiz
          </Button>
        </div>
      </div>
    </Card>
  )
}
