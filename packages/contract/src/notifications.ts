import { z } from 'zod'
import { pageQuerySchema, pageSchema, timestampSchema } from './common.ts'
import { timeZoneSchema } from './groups.ts'

/**
 * What a notification tells of. Sessions: invited to a scheduled one, moved, cancelled, about to
 * start, started, results in. Decisions: a session or a join request waiting for an owner or
 * admin, and the decision told to whoever asked. `invitation`: someone invited this account's
 * e-mail address to a group.
 */
export const notificationTypeSchema = z.enum([
  'session_scheduled',
  'session_rescheduled',
  'session_cancelled',
  'session_starting_soon',
  'session_started',
  'results_ready',
  'approval_needed',
  'approval_decided',
  'join_request',
  'join_request_decided',
  'invitation',
])
export type NotificationType = z.infer<typeof notificationTypeSchema>

/** How a decision went, for `approval_decided` and `join_request_decided`. */
export const notificationOutcomeSchema = z.enum(['approved', 'rejected', 'expired'])
export type NotificationOutcome = z.infer<typeof notificationOutcomeSchema>

/**
 * One notification of the signed-in user. Names and times are as they were when it was made: a
 * notification of a reschedule keeps the time it announced.
 */
export const notificationSchema = z.object({
  id: z.uuid(),
  type: notificationTypeSchema,
  createdAt: timestampSchema,
  readAt: timestampSchema.nullable(),
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  session: z
    .object({
      id: z.uuid(),
      title: z.string(),
      scheduledAt: timestampSchema.nullable(),
      endsAt: timestampSchema.nullable(),
    })
    .nullable(),
  /** Who did it (the person who asked to join, who scheduled…), when someone did. */
  actorName: z.string().nullable(),
  outcome: notificationOutcomeSchema.nullable(),
  /** Where it leads in the web app: a path on the same origin. */
  link: z.string(),
})
export type Notification = z.infer<typeof notificationSchema>

export const findNotificationsQuerySchema = pageQuerySchema
export type FindNotificationsQuery = z.infer<typeof findNotificationsQuerySchema>

/** Newest first, with the unread count of all (not only this page). */
export const notificationPageSchema = pageSchema(notificationSchema).extend({
  unreadCount: z.number().int().nonnegative(),
})
export type NotificationPage = z.infer<typeof notificationPageSchema>

export const notificationParamsSchema = z.object({ notificationId: z.uuid() })

export const unreadCountSchema = z.object({ unreadCount: z.number().int().nonnegative() })
export type UnreadCount = z.infer<typeof unreadCountSchema>

/** Pushed to `user:<id>` when a notification for them is made. */
export const notificationCreatedEventSchema = z.object({
  notification: notificationSchema,
  unreadCount: z.number().int().nonnegative(),
})
export type NotificationCreatedEvent = z.infer<typeof notificationCreatedEventSchema>

/** Pushed to `user:<id>` when they read some in one tab, so their other tabs agree. */
export const notificationsReadEventSchema = unreadCountSchema
export type NotificationsReadEvent = z.infer<typeof notificationsReadEventSchema>

/** One line saying what happened, for the bell, the list and a browser notification. */
export function notificationHeadline(notification: Notification): string {
  const session = notification.session?.title ?? 'A session'
  const group = notification.group?.name ?? 'a group'
  const actor = notification.actorName ?? 'Someone'
  switch (notification.type) {
    case 'session_scheduled':
      return `New session in ${group}: ${session}`
    case 'session_rescheduled':
      return `${session} was moved`
    case 'session_cancelled':
      return `${session} was cancelled`
    case 'session_starting_soon':
      return `${session} starts soon`
    case 'session_started':
      return `${session} has started`
    case 'results_ready':
      return `Results of ${session} are in`
    case 'approval_needed':
      return `${actor} asks to hold ${session} in ${group}`
    case 'approval_decided':
      return notification.outcome === 'approved'
        ? `${session} was approved`
        : notification.outcome === 'expired'
          ? `${session} was not approved before its start`
          : `${session} was not approved`
    case 'join_request':
      return `${actor} asks to join ${group}`
    case 'join_request_decided':
      return notification.outcome === 'approved'
        ? `You're now a member of ${group}`
        : `Your request to join ${group} was declined`
    case 'invitation':
      return `${actor} invited you to ${group}`
  }
}

/** A yes or no per notification type, as named properties (so OpenAPI lists them). */
const choicePerTypeSchema = z.object(
  Object.fromEntries(notificationTypeSchema.options.map((type) => [type, z.boolean()])) as Record<
    NotificationType,
    z.ZodBoolean
  >,
)

/** Which notifications also come by e-mail, by type; the notification center shows them all. */
export const notificationPreferencesSchema = z.object({
  email: choicePerTypeSchema,
  /** IANA time zone the user's e-mails give times in; null: the group's. */
  timeZone: z.string().max(64).nullable(),
})
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>

export const updateNotificationPreferencesBodySchema = z.object({
  email: choicePerTypeSchema.partial().optional(),
  timeZone: timeZoneSchema.nullable().optional(),
})
export type UpdateNotificationPreferencesBody = z.infer<
  typeof updateNotificationPreferencesBodySchema
>

/**
 * By default a mail comes for what asks something of the user or changes their plans; a
 * session starting now and results are in-app only (the user is usually there already).
 */
export const defaultEmailPreferences: Record<NotificationType, boolean> = {
  session_scheduled: true,
  session_rescheduled: true,
  session_cancelled: true,
  session_starting_soon: true,
  session_started: false,
  results_ready: false,
  approval_needed: true,
  approval_decided: true,
  join_request: true,
  join_request_decided: true,
  invitation: true,
}

/** The signed token of an e-mail's unsubscribe link: no sign-in needed. */
export const unsubscribeBodySchema = z.object({ token: z.string().min(10).max(300) })
export const unsubscribeResultSchema = z.object({ type: notificationTypeSchema })
