import clsx from 'clsx'
import type { ConnectionStatus } from '../../../lib/realtime'

const labels: Record<ConnectionStatus, string> = {
  connected: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline · checking every few seconds',
}

/**
 * Whether what is shown next to it updates by itself now: "Live" while pushes arrive, else what
 * the page does meanwhile. A polite live region, so a screen reader hears the changes only.
 */
export function LiveIndicator({
  status,
  className,
}: {
  status: ConnectionStatus
  className?: string
}) {
  const isLive = status === 'connected'
  return (
    <span
      role="status"
      aria-live="polite"
      className={clsx(
        'inline-flex shrink-0 items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-semibold ring-1',
        isLive
          ? 'bg-emerald-50 text-emerald-700 ring-emerald-200'
          : status === 'offline'
            ? 'bg-slate-100 text-slate-700 ring-slate-200'
            : 'bg-amber-50 text-amber-800 ring-amber-200',
        className,
      )}
    >
      <span
        aria-hidden
        className={clsx(
          'size-2 rounded-full',
          isLive
            ? 'animate-pulse bg-emerald-500'
            : status === 'offline'
              ? 'bg-slate-400'
              : 'bg-amber-500',
        )}
      />
      {labels[status]}
    </span>
  )
}
