import {
  browserTimeZone,
  formatDateTimeIn,
  formatTimeIn,
  isSameDay,
  isSameWallClock,
  zoneLabel,
} from '../../../lib/zoned-time'

interface SessionTimeProps {
  iso: string
  groupTimezone: string
  /** The viewer's zone; the browser's by default. */
  viewerTimezone?: string
}

/**
 * "Tue, 3 Dec, 18:00 (Europe/Paris) · 17:00 your time": the group's wall clock always, and the
 * viewer's as well when it shows something else.
 */
export function SessionTime({
  iso,
  groupTimezone,
  viewerTimezone = browserTimeZone(),
}: SessionTimeProps) {
  const isSame = isSameWallClock(iso, groupTimezone, viewerTimezone)
  const mine = isSameDay(iso, groupTimezone, viewerTimezone)
    ? formatTimeIn(iso, viewerTimezone)
    : formatDateTimeIn(iso, viewerTimezone)
  return (
    <time dateTime={iso} className="tabular-nums">
      {formatDateTimeIn(iso, groupTimezone)}{' '}
      <span className="text-slate-500">({zoneLabel(groupTimezone)})</span>
      {isSame ? null : (
        <span className="text-slate-500">
          {' '}
          · <span className="font-medium text-slate-700">{mine}</span> your time
        </span>
      )}
    </time>
  )
}
