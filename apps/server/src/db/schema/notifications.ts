import type { NotificationOutcome, NotificationType } from '@loopquiz/contract'
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { groups } from './groups.ts'

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 })

/** What a notification shows, as it was when it was made. */
export interface NotificationSnapshot {
  groupName: string | null
  session: { id: string; title: string; scheduledAt: string | null; endsAt: string | null } | null
  actorName: string | null
  outcome: NotificationOutcome | null
  link: string
}

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').$type<NotificationType>().notNull(),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    /** The session it is about, if any (the first occurrence, for a series). */
    sessionId: uuid('session_id'),
    /**
     * The event it tells of, one per delivery job: a retried job finds the notification it made
     * before and makes no second one.
     */
    eventKey: text('event_key').notNull(),
    data: jsonb('data').$type<NotificationSnapshot>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    readAt: at('read_at'),
    /** When its e-mail went out: a retried mail job finds it sent and sends nothing. */
    mailedAt: at('mailed_at'),
  },
  (table) => [
    uniqueIndex('notifications_user_event_unique').on(table.userId, table.eventKey),
    index('notifications_user_created_idx').on(table.userId, table.createdAt, table.id),
    index('notifications_session_idx').on(table.sessionId),
  ],
)

export const notificationPreferences = pgTable('notification_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Only the types the user changed; the others follow the defaults (which may improve). */
  email: jsonb('email').$type<Partial<Record<NotificationType, boolean>>>().notNull().default({}),
  timeZone: text('time_zone'),
  updatedAt: at('updated_at').notNull().defaultNow(),
})
