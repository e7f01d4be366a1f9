import type { Notification, NotificationCreatedEvent, NotificationPage } from '@loopquiz/contract'
import type { InfiniteData } from '@tanstack/react-query'

/** A notification list as the query cache holds it: the pages fetched so far, newest first. */
export type NotificationPages = InfiniteData<NotificationPage>

/**
 * The unread count of all notifications, as the cache knows it. The last page is the one
 * fetched most recently (a refetch goes from the first page on), so its count is the freshest.
 */
export function unreadCountOf(data: NotificationPages | undefined): number {
  return data?.pages.at(-1)?.unreadCount ?? 0
}

function mapPages(
  data: NotificationPages,
  unreadCount: number,
  mapItem: (notification: Notification) => Notification = (notification) => notification,
): NotificationPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({ ...page, unreadCount, items: page.items.map(mapItem) })),
  }
}

/**
 * A pushed notification on top of the first page. One the cache has already (a refetch that
 * crossed the push) is not listed twice.
 */
export function withCreated(
  data: NotificationPages,
  { notification, unreadCount }: NotificationCreatedEvent,
): NotificationPages {
  const next = mapPages(data, unreadCount)
  const [first, ...rest] = next.pages
  const isListed = data.pages.some((page) => page.items.some((item) => item.id === notification.id))
  if (!first || isListed) return next
  return { ...next, pages: [{ ...first, items: [notification, ...first.items] }, ...rest] }
}

/** One notification read (here), with the count the server gave back. */
export function withRead(
  data: NotificationPages,
  notificationId: string,
  { unreadCount, readAt }: { unreadCount: number; readAt: string },
): NotificationPages {
  return mapPages(data, unreadCount, (notification) =>
    notification.id === notificationId && notification.readAt === null
      ? { ...notification, readAt }
      : notification,
  )
}

/**
 * A new unread count from the server. At 0 every listed notification is read; at any other
 * count only the server knows which ones are, so the items stay as they are.
 */
export function withUnreadCount(
  data: NotificationPages,
  { unreadCount, readAt }: { unreadCount: number; readAt: string },
): NotificationPages {
  if (unreadCount > 0) return mapPages(data, unreadCount)
  return mapPages(data, 0, (notification) =>
    notification.readAt === null ? { ...notification, readAt } : notification,
  )
}
