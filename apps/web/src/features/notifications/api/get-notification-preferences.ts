import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getNotificationPreferences() {
  return api(endpoints.getNotificationPreferences, {})
}

export const notificationPreferencesQueryKey = ['notifications', 'preferences'] as const

export function getNotificationPreferencesQueryOptions() {
  return queryOptions({
    queryKey: notificationPreferencesQueryKey,
    queryFn: getNotificationPreferences,
  })
}

/** Which of my notifications also come by e-mail, and the time zone mails give times in. */
export function useNotificationPreferences() {
  return useQuery(getNotificationPreferencesQueryOptions())
}
