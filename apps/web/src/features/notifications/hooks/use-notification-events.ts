import type {
  Notification,
  NotificationCreatedEvent,
  NotificationsReadEvent,
} from '@loopquiz/contract'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useEffectEvent } from 'react'
import { useRealtimeSocket } from '../../../lib/realtime'
import { notificationListsQueryKey } from '../api/find-notifications'
import {
  type NotificationPages,
  unreadCountOf,
  withCreated,
  withUnreadCount,
} from '../utils/notification-cache'

/**
 * Keeps every cached list of my notifications current from the pushes to my user room: a new
 * one goes on top with the count it brings, a read elsewhere sets the count, and after a
 * reconnection the server did not recover (pushes were missed) the lists are fetched again.
 * `onCreated` hears of each new notification (to announce it).
 */
export function useNotificationEvents(onCreated: (notification: Notification) => void) {
  const socket = useRealtimeSocket()
  const queryClient = useQueryClient()
  const announce = useEffectEvent(onCreated)

  useEffect(() => {
    if (!socket) return
    const filter = { queryKey: notificationListsQueryKey }
    const update = (change: (data: NotificationPages) => NotificationPages) =>
      queryClient.setQueriesData<NotificationPages>(filter, (data) => data && change(data))

    const onCreatedEvent = (event: NotificationCreatedEvent) => {
      update((data) => withCreated(data, event))
      announce(event.notification)
    }
    const onRead = ({ unreadCount }: NotificationsReadEvent) => {
      // A count this tab did not come to itself: another tab read some, and only the server
      // knows which, so the lists are fetched again to show them read.
      const isReadElsewhere = queryClient
        .getQueriesData<NotificationPages>(filter)
        .some(([, data]) => data !== undefined && unreadCountOf(data) !== unreadCount)
      update((data) => withUnreadCount(data, { unreadCount, readAt: new Date().toISOString() }))
      if (isReadElsewhere && unreadCount > 0) void queryClient.invalidateQueries(filter)
    }
    const onConnect = () => {
      // The first connection of a page lands while its first fetch may be under way: that
      // fetch will do, rather than being cancelled for another one.
      if (!socket.recovered) void queryClient.invalidateQueries(filter, { cancelRefetch: false })
    }

    socket.on('notification:created', onCreatedEvent)
    socket.on('notification:read', onRead)
    socket.on('connect', onConnect)
    return () => {
      socket.off('notification:created', onCreatedEvent)
      socket.off('notification:read', onRead)
      socket.off('connect', onConnect)
    }
  }, [socket, queryClient])
}
