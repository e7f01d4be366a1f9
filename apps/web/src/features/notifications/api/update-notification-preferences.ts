import {
  endpoints,
  type NotificationPreferences,
  type UpdateNotificationPreferencesBody,
} from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { withChange, withChangeUndone } from '../utils/preferences-cache'
import { notificationPreferencesQueryKey } from './get-notification-preferences'

export function updateNotificationPreferences(body: UpdateNotificationPreferencesBody) {
  return api(endpoints.updateNotificationPreferences, { body })
}

const mutationKey = ['notifications', 'preferences', 'update'] as const

/**
 * Saves one change as soon as it is made, shown at once (optimistic) and undone if the server
 * refuses it. Changes go one after another (one scope): the server reads, changes and writes
 * the whole preferences, so two at once could each overwrite the other's.
 */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient()
  const key = notificationPreferencesQueryKey
  return useMutation({
    mutationKey,
    scope: { id: mutationKey.join(':') },
    mutationFn: updateNotificationPreferences,
    onMutate: async (change) => {
      // A fetch under way would land with what was saved before this change.
      await queryClient.cancelQueries({ queryKey: key })
      const before = queryClient.getQueryData<NotificationPreferences>(key)
      if (before) queryClient.setQueryData(key, withChange(before, change))
      return { before }
    },
    onError: (_error, change, context) => {
      const before = context?.before
      if (!before) return
      queryClient.setQueryData<NotificationPreferences>(
        key,
        (current) => current && withChangeUndone(current, before, change),
      )
    },
    onSettled: (saved) => {
      // Only the last change in the queue knows everything the server now holds; earlier
      // answers would briefly undo the later changes still shown optimistically.
      if (queryClient.isMutating({ mutationKey }) > 1) return
      if (saved) queryClient.setQueryData(key, saved)
      else void queryClient.invalidateQueries({ queryKey: key })
    },
  })
}
