import { z } from 'zod'

/**
 * The signed-in user's personal calendar feed: `url` for calendars that take an address
 * (Google Calendar's "From URL"), `webcalUrl` (webcal://) for those a link opens (Apple
 * Calendar, Outlook). Either is a secret: whoever has it sees the user's sessions.
 */
export const calendarFeedSchema = z.object({
  url: z.url(),
  webcalUrl: z.string().startsWith('webcal://'),
})
export type CalendarFeed = z.infer<typeof calendarFeedSchema>

/** The feed's secret token, as its URL carries it before `.ics`. */
export const calendarFeedParamsSchema = z.object({ feedToken: z.string().min(1).max(200) })
export type CalendarFeedParams = z.infer<typeof calendarFeedParamsSchema>

/** An iCalendar file (RFC 5545) as text: one session, or a feed of sessions. */
export const calendarFileSchema = z.string().describe('text/calendar; charset=utf-8')
