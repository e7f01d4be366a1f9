import type { AnswerValue, LoopSnapshot, Question } from '@loopquiz/contract'
import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { groups } from './groups.ts'
import { loops } from './loops.ts'

export const questionSets = pgTable(
  'question_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    token: text('token').notNull().unique(),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    loopId: uuid('loop_id').references(() => loops.id, { onDelete: 'set null' }),
    loopData: jsonb('loop_data').$type<LoopSnapshot>().notNull(),
    questions: jsonb('questions').$type<Question[]>().notNull(),
    visibility: text('visibility', { enum: ['public', 'signed_in', 'group'] }).notNull(),
    // When a taker may see the correct answer and explanation of a question (see docs/decisions).
    showAnswers: text('show_answers', { enum: ['after_each_answer', 'after_finishing', 'never'] })
      .notNull()
      .default('after_each_answer'),
    // Set for the copy a group session takes: only that group's members may open it.
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    // Attempts one signed-in person may start; null for no limit.
    maxAttempts: integer('max_attempts'),
    // Set when the author turns the link off: later visits are told so, nothing is deleted.
    disabledAt: timestamp('disabled_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index('question_sets_owner_idx').on(table.ownerId, table.createdAt.desc())],
)

export const attempts = pgTable(
  'attempts',
  {
    // The id is an unguessable token: for a guest it is the only proof the attempt is theirs.
    id: text('id').primaryKey(),
    questionSetId: uuid('question_set_id')
      .notNull()
      .references(() => questionSets.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    // Set when the attempt is a member's run through a group session.
    sessionId: uuid('session_id'),
    displayName: text('display_name').notNull(),
    status: text('status', { enum: ['in_progress', 'finished'] })
      .notNull()
      .default('in_progress'),
    score: integer('score').notNull().default(0),
    // Kept with the score by the answer writer, so progress needs no count over answers.
    answeredCount: integer('answered_count').notNull().default(0),
    maxScore: integer('max_score').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (table) => [
    index('attempts_user_started_idx').on(table.userId, table.startedAt.desc()),
    index('attempts_question_set_idx').on(table.questionSetId),
    uniqueIndex('attempts_one_per_session_member')
      .on(table.sessionId, table.userId)
      .where(sql`session_id is not null`),
  ],
)

export const answers = pgTable(
  'answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    clientAnswerId: text('client_answer_id').notNull(),
    response: jsonb('response').$type<AnswerValue>().notNull(),
    isCorrect: boolean('is_correct').notNull(),
    points: integer('points').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 })
      .notNull()
      .defaultNow(),
  },
  (table) => [
    unique('answers_attempt_question_unique').on(table.attemptId, table.questionId),
    unique('answers_attempt_client_id_unique').on(table.attemptId, table.clientAnswerId),
  ],
)

// When a taker was first shown a question: the server's clock for its time limit, so a
// reload or a second tab cannot restart the countdown.
export const questionOpenings = pgTable(
  'question_openings',
  {
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.attemptId, table.questionId] })],
)
