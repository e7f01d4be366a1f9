import type { SessionStatus, SessionType } from '@loopquiz/contract'
import { CalendarClock, Repeat, Zap } from 'lucide-react'
import { Badge } from '../../../components/ui/badge'
import { statusLabels, statusTones, typeLabels } from '../utils/labels'

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return (
    <Badge tone={statusTones[status]}>
      {status === 'active' ? (
        <span aria-hidden className="relative flex size-2">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-75 motion-reduce:animate-none" />
          <span className="relative inline-flex size-2 rounded-full bg-emerald-500" />
        </span>
      ) : null}
      {statusLabels[status]}
    </Badge>
  )
}

const typeIcons = { instant: Zap, scheduled: CalendarClock, recurring: Repeat }

export function SessionTypeBadge({ type }: { type: SessionType }) {
  const Icon = typeIcons[type]
  return (
    <Badge>
      <Icon aria-hidden className="size-3" />
      {typeLabels[type]}
    </Badge>
  )
}
