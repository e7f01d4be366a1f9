import type { GroupSession } from '@loopquiz/contract'
import { Flag, Hourglass } from 'lucide-react'
import { useNow } from '../../../hooks/use-now'
import { browserTimeZone, formatDateTimeIn } from '../../../lib/zoned-time'
import { formatCountdown } from '../utils/labels'
import { startOf } from '../utils/session-links'

/** What the countdown counts to: the start while waiting, the end while active. */
export function countdownTarget(session: GroupSession): { label: string; at: string } | null {
  if (session.status === 'scheduled' || session.status === 'pending_approval')
    return { label: 'Starts in', at: startOf(session) }
  // Only an active session has an end ahead: once ended, the planned end means nothing.
  if (session.status === 'active' && session.endsAt) return { label: 'Ends in', at: session.endsAt }
  return null
}

/** "Ended at Sat, 28 Nov, 10:05" on the viewer's clock. */
export function endedAtLabel(completedAt: string): string {
  return `Ended at ${formatDateTimeIn(completedAt, browserTimeZone())}`
}

/**
 * "Ends in 12:03", ticking every second; once the session is over, when it ended instead; nothing
 * for a cancelled one.
 */
export function SessionCountdown({
  session,
  className,
}: {
  session: GroupSession
  className?: string
}) {
  const now = useNow()
  if (session.status === 'completed' && session.completedAt) {
    return (
      <span className={className}>
        <Flag aria-hidden className="size-3.5" />
        <time dateTime={session.completedAt}>{endedAtLabel(session.completedAt)}</time>
      </span>
    )
  }
  const target = countdownTarget(session)
  if (!target) return null
  const left = new Date(target.at).getTime() - now
  return (
    <span className={className}>
      <Hourglass aria-hidden className="size-3.5" />
      {left > 0
        ? `${target.label} ${formatCountdown(left)}`
        : target.label === 'Starts in'
          ? 'Starting…'
          : 'Ending…'}
    </span>
  )
}
