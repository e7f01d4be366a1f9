import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { type NotificationPages, withRead } from '../utils/notification-cache'
import { notificationListsQueryKey } from './find-notifications'

export function markNotificationRead(notificationId: string) {
  return api(endpoints.markNotificationRead, { params: { notificationId } })
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (notificationId: string) => markNotificationRead(notificationId),
    // Here rather than in mutate(): a notification clicked in the bell's panel navigates away
    // and closes the panel at once, and the lists must still learn it was read.
    onSuccess: ({ unreadCount }, notificationId) => {
      const readAt = new Date().toISOString()
      queryClient.setQueriesData<NotificationPages>(
        { queryKey: notificationListsQueryKey },
        (data) => data && withRead(data, notificationId, { unreadCount, readAt }),
      )
    },
  })
}
