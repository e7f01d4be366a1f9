import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getCalendarFeed() {
  return api(endpoints.getCalendarFeed, {})
}

export const calendarFeedQueryKey = ['calendar', 'feed'] as const

export function getCalendarFeedQueryOptions() {
  return queryOptions({
    queryKey: calendarFeedQueryKey,
    queryFn: getCalendarFeed,
    // The address changes only when this user makes a new one, which sets it here.
    staleTime: Number.POSITIVE_INFINITY,
  })
}

/** The address of my personal calendar feed (the server makes it on the first call). */
export function useCalendarFeed() {
  return useQuery(getCalendarFeedQueryOptions())
}
