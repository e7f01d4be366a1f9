import { type Notification, notificationHeadline } from '@loopquiz/contract'
import clsx from 'clsx'
import { RelativeTime } from '../../../components/ui/relative-time'
// lib/format, not lib/zoned-time: the bell is on every signed-in page, and luxon is heavy.
import { formatDateTime } from '../../../lib/format'

interface NotificationSummaryProps {
  notification: Notification
  /** The session's planned time too (the full list; the bell's panel has no room for it). */
  isSessionTimeShown?: boolean
}

/** The unread dot, what happened, where and when: the text of a notification's link. */
export function NotificationSummary({
  notification,
  isSessionTimeShown = false,
}: NotificationSummaryProps) {
  const isUnread = notification.readAt === null
  const plannedAt = isSessionTimeShown ? notification.session?.scheduledAt : null
  return (
    <span className="flex min-w-0 items-start gap-3">
      <span
        aria-hidden
        className={clsx(
          'mt-1.5 size-2.5 shrink-0 rounded-full',
          isUnread ? 'bg-brand-600' : 'bg-slate-200',
        )}
      />
      <span className="flex min-w-0 flex-col gap-0.5">
        <span
          className={clsx(
            'break-words',
            isUnread ? 'font-semibold text-slate-900' : 'font-medium text-slate-700',
          )}
        >
          {isUnread ? <span className="sr-only">Unread: </span> : null}
          {notificationHeadline(notification)}
        </span>
        <span className="text-sm text-slate-500">
          {notification.group ? (
            <>
              {notification.group.name}
              <span aria-hidden> · </span>
            </>
          ) : null}
          <RelativeTime iso={notification.createdAt} />
        </span>
        {plannedAt ? (
          <span className="text-sm text-slate-500">
            Planned for{' '}
            <time
              dateTime={plannedAt}
              className="font-medium whitespace-nowrap text-slate-600 tabular-nums"
            >
              {formatDateTime(plannedAt)}
            </time>{' '}
            <span className="whitespace-nowrap">your time</span>
          </span>
        ) : null}
      </span>
    </span>
  )
}
