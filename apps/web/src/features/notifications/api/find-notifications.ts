import { endpoints } from '@loopquiz/contract'
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { useIsRealtimeConnected } from '../../../lib/realtime'

export function findNotifications(options: { cursor?: string; limit: number }) {
  return api(endpoints.findNotifications, { query: options })
}

/** Every list of notifications (the bell's and the page's) lives under this key. */
export const notificationListsQueryKey = ['notifications', 'list'] as const

/** While pushes do not arrive, new notifications and the count still show within this. */
const FALLBACK_POLL_MS = 30_000

export function findNotificationsQueryOptions(limit: number, isPushed = false) {
  return infiniteQueryOptions({
    queryKey: [...notificationListsQueryKey, { limit }],
    queryFn: ({ pageParam }) => findNotifications({ cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: isPushed ? false : FALLBACK_POLL_MS,
  })
}

/**
 * My notifications, newest first, a page at a time, with the unread count of all. Polled only
 * while the socket is down: connected, every change arrives as a push (useNotificationEvents).
 */
export function useNotifications({ limit }: { limit: number }) {
  const isPushed = useIsRealtimeConnected()
  return useInfiniteQuery(findNotificationsQueryOptions(limit, isPushed))
}
