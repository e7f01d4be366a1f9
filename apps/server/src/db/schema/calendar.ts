import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'

/**
 * Each user's personal calendar feed. The feed's URL is a bearer secret, so only its SHA-256 is
 * kept: a copy of the database opens no feed. The URL itself is derived from `nonce` with the
 * server's secret (see modules/calendar/feed-token.ts), so it can be shown again.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** SHA-256 (hex) of the token in the feed's URL: what a request is looked up by. */
  token: text('token').notNull().unique(),
  /** Random; a new one makes a new URL, and the old one stops working. */
  nonce: text('nonce').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
})
