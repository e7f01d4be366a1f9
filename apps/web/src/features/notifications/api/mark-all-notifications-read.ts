import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { type NotificationPages, withUnreadCount } from '../utils/notification-cache'
import { notificationListsQueryKey } from './find-notifications'

export function markAllNotificationsRead() {
  return api(endpoints.markAllNotificationsRead, {})
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: ({ unreadCount }) => {
      const readAt = new Date().toISOString()
      queryClient.setQueriesData<NotificationPages>(
        { queryKey: notificationListsQueryKey },
        (data) => data && withUnreadCount(data, { unreadCount, readAt }),
      )
    },
  })
}
