import { formatDateTime, formatRelativeTime } from '../../lib/format'

/** "3 hours ago", with the exact date and time on hover and for machines. */
export function RelativeTime({ iso, prefix }: { iso: string; prefix?: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {prefix ? `${prefix} ` : ''}
      {formatRelativeTime(iso)}
    </time>
  )
}
