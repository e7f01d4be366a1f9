import type { GroupSession } from '@loopquiz/contract'
import { Hourglass, Users, UsersRound } from 'lucide-react'
import { Link } from 'react-router'
import { browserTimeZone, formatDateTimeIn } from '../../../lib/zoned-time'
import { plural } from '../utils/labels'
import { isLateWindowOpen } from '../utils/late-window'
import { SessionStatusBadge } from './session-badges'
import { SessionCountdown } from './session-countdown'

const chip =
  'inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1 tabular-nums ring-1 ring-white/20'

/** The group context above the quiz: whose session this is, its state, time left and who is in. */
export function SessionBanner({ session }: { session: GroupSession }) {
  return (
    <section
      aria-label="Group session"
      className="flex flex-col gap-3 rounded-2xl bg-linear-to-br from-brand-700 via-brand-600 to-fuchsia-600 p-4 text-white shadow-md shadow-brand-600/20 sm:flex-row sm:items-center sm:justify-between sm:p-5"
    >
      <div className="flex min-w-0 flex-col gap-0.5">
        <p className="flex flex-wrap items-center gap-x-1.5 text-sm font-semibold text-brand-100">
          <UsersRound aria-hidden className="size-4" />
          Group session in{' '}
          <Link
            to={`/groups/${session.groupId}`}
            className="rounded text-white underline decoration-white/40 underline-offset-2 hover:decoration-white"
          >
            {session.groupName}
          </Link>
        </p>
        <p className="text-lg font-extrabold tracking-tight break-words">{session.title}</p>
      </div>
      <ul className="flex flex-wrap items-center gap-2 text-sm font-semibold">
        <li>
          <SessionStatusBadge status={session.status} />
        </li>
        <li aria-live="off">
          <SessionCountdown session={session} className={chip} />
        </li>
        {session.status === 'completed' && session.lateUntil && isLateWindowOpen(session) ? (
          <li className={chip}>
            <Hourglass aria-hidden className="size-3.5" />
            Late answers until{' '}
            <time dateTime={session.lateUntil}>
              {formatDateTimeIn(session.lateUntil, browserTimeZone())}
            </time>
          </li>
        ) : null}
        <li className={chip}>
          <Users aria-hidden className="size-3.5" />
          {plural(session.participantCount, 'participant')}
        </li>
      </ul>
    </section>
  )
}
