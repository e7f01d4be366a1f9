import { type Notification, notificationHeadline } from '@loopquiz/contract'
import { BellRing, Check, Users } from 'lucide-react'
import { Link } from 'react-router'
import { Button, buttonClassName } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { LoadMore } from '../../../components/ui/load-more'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useNotifications } from '../api/find-notifications'
import { useMarkNotificationRead } from '../api/mark-notification-read'
import { unreadCountOf } from '../utils/notification-cache'
import { MarkAllReadButton } from './mark-all-read-button'
import { NotificationSummary } from './notification-summary'

const PAGE_SIZE = 20

function NotificationRow({ notification }: { notification: Notification }) {
  const markRead = useMarkNotificationRead()
  const isUnread = notification.readAt === null
  return (
    <li className="flex flex-col gap-2 py-2 first:pt-0 last:pb-0 sm:flex-row sm:items-center">
      <Link
        to={notification.link}
        onClick={() => {
          if (isUnread) markRead.mutate(notification.id)
        }}
        className="min-w-0 flex-1 rounded-xl p-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <NotificationSummary notification={notification} isSessionTimeShown />
      </Link>
      {isUnread ? (
        <Button
          variant="secondary"
          size="sm"
          className="ml-7.5 self-start sm:ml-0 sm:self-center"
          isLoading={markRead.isPending}
          onClick={() => markRead.mutate(notification.id)}
        >
          {markRead.isPending ? null : <Check aria-hidden className="size-4" />}
          Mark read
          <span className="sr-only">: {notificationHeadline(notification)}</span>
        </Button>
      ) : null}
      {markRead.error ? <ErrorAlert error={markRead.error} /> : null}
    </li>
  )
}

/** All my notifications, newest first, a page at a time, each leading to what it is about. */
export function NotificationList() {
  const notifications = useNotifications({ limit: PAGE_SIZE })

  if (notifications.isPending) return <ListSkeleton label="Loading your notifications…" />
  if (notifications.isError) {
    return (
      <ErrorAlert
        error={notifications.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => notifications.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }

  const items = notifications.data.pages.flatMap((page) => page.items)
  if (items.length === 0) {
    return (
      <EmptyState
        icon={BellRing}
        title="No notifications yet"
        action={
          <Link to="/groups" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
            <Users aria-hidden className="size-4" />
            Go to my groups
          </Link>
        }
      >
        When a session in one of your groups is planned, moved, cancelled, about to start or has its
        results, or someone waits for your decision, you hear of it here.
      </EmptyState>
    )
  }

  const unreadCount = unreadCountOf(notifications.data)
  return (
    <Card className="flex flex-col">
      <div className="flex items-center justify-between gap-3 border-b border-slate-100 py-2 pr-2 pl-4 sm:pl-6">
        <p className="text-sm font-medium text-slate-600">
          {unreadCount === 0 ? 'All read' : `${unreadCount} unread`}
        </p>
        <MarkAllReadButton unreadCount={unreadCount} />
      </div>
      <div className="flex flex-col gap-3 p-2 sm:p-4">
        <ul aria-label="Notifications" className="flex flex-col divide-y divide-slate-100">
          {items.map((notification) => (
            <NotificationRow key={notification.id} notification={notification} />
          ))}
        </ul>
        <LoadMore
          hasNextPage={notifications.hasNextPage}
          isFetchingNextPage={notifications.isFetchingNextPage}
          onLoadMore={() => notifications.fetchNextPage()}
        />
      </div>
    </Card>
  )
}
