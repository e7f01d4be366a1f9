import type { Question } from '@loopquiz/contract'
import {
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth.ts'

export const loops = pgTable(
  'loops',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    videoUrl: text('video_url').notNull(),
    videoTitle: text('video_title').notNull(),
    provider: text('provider', { enum: ['youtube', 'html5'] }).notNull(),
    videoId: text('video_id'),
    startS: doublePrecision('start_s').notNull(),
    endS: doublePrecision('end_s').notNull(),
    transcript: text('transcript'),
    vocabulary: jsonb('vocabulary').$type<string[]>(),
    questions: jsonb('questions').$type<Question[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    unique('loops_owner_client_id_unique').on(table.ownerId, table.clientId),
    index('loops_owner_updated_idx').on(table.ownerId, table.updatedAt.desc(), table.id.desc()),
  ],
)
