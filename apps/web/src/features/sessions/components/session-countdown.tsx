import type { GroupSession } from '@loopquiz/contract'
import { Hourglass } from 'lucide-react'
import { useNow } from '../../../hooks/use-now'
import { formatCountdown } from '../utils/labels'
import { startOf } from '../utils/session-links'

/** What the countdown counts to: the start while waiting, the end while open. */
export function countdownTarget(session: GroupSession): { label: string; at: string } | null {
  if (session.status === 'scheduled' || session.status === 'pending_approval')
    return { label: 'Starts in', at: startOf(session) }
  if (session.capabilities.canJoin && session.endsAt)
    return { label: 'Ends in', at: session.endsAt }
  return null
}

/** "Ends in 12:03", ticking every second; nothing once there is nothing to count to. */
export function SessionCountdown({
  session,
  className,
}: {
  session: GroupSession
  className?: string
}) {
  const now = useNow()
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
