import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { calendarFeedQueryKey } from './get-calendar-feed'

export function regenerateCalendarFeed() {
  return api(endpoints.regenerateCalendarFeed, {})
}

/** A new feed address; the old one stops working, so it leaves the cache at once. */
export function useRegenerateCalendarFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: regenerateCalendarFeed,
    onSuccess: (feed) => queryClient.setQueryData(calendarFeedQueryKey, feed),
  })
}
