import type { LivePhase, LoopSnapshot, Question, SessionOptions } from '@loopquiz/contract'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { groups } from './groups.ts'
import { attempts, questionSets } from './quizzes.ts'

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 })

export const groupQuizSessions = pgTable(
  'group_quiz_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    sessionType: text('session_type', { enum: ['instant', 'scheduled', 'recurring'] })
      .notNull()
      .default('scheduled'),
    status: text('status', {
      enum: ['pending_approval', 'scheduled', 'active', 'completed', 'cancelled'],
    }).notNull(),
    mode: text('mode', { enum: ['self_paced', 'live'] }).notNull(),
    // Scoring and shuffling; see sessionOptionsSchema.
    options: jsonb('options')
      .$type<SessionOptions>()
      .notNull()
      .default({ scoring: 'speed', shuffleQuestions: false, shuffleOptions: false }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    // Snapshots: editing the source loop or share later never changes the session.
    loopData: jsonb('loop_data').$type<LoopSnapshot>().notNull(),
    questionsData: jsonb('questions_data').$type<Question[]>().notNull(),
    extensionLoopId: text('extension_loop_id'),
    questionSetId: uuid('question_set_id')
      .notNull()
      .references(() => questionSets.id),
    // Occurrences of a recurring series share one question set, so one token.
    shareToken: text('share_token').notNull(),
    // Numbers the session for its short join code (domain/join-code.ts scrambles it into letters).
    joinSeq: serial('join_seq').notNull(),
    scheduledAt: at('scheduled_at'),
    durationMinutes: integer('duration_minutes').notNull(),
    endsAt: at('ends_at'),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
    cancelledAt: at('cancelled_at'),
    // Why a session was cancelled when nobody chose to: 'not_approved_in_time', 'group_deleted'.
    cancelReason: text('cancel_reason'),
    // A late window the host opened explicitly: answers after the end are taken until then, marked late.
    lateUntil: at('late_until'),
    recurrenceRule: text('recurrence_rule'),
    seriesId: uuid('series_id'),
    // An occurrence's start as its series' rule gives it (iCalendar's RECURRENCE-ID): stays when
    // the occurrence alone is moved, so the series extends from the rule, not from exceptions.
    occurrenceStart: at('occurrence_start'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    approvedBy: text('approved_by').references(() => users.id),
    icsSequence: integer('ics_sequence').notNull().default(0),
    remindedAt: at('reminded_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (table) => [
    index('group_sessions_group_created_idx').on(table.groupId, table.createdAt.desc()),
    index('group_sessions_group_scheduled_idx').on(table.groupId, table.scheduledAt),
    index('group_sessions_status_idx').on(table.status, table.scheduledAt),
    index('group_sessions_series_idx').on(table.seriesId),
    index('group_sessions_share_token_idx').on(table.shareToken),
    uniqueIndex('group_sessions_join_seq_unique').on(table.joinSeq),
  ],
)

export const groupSessionParticipants = pgTable(
  'group_session_participants',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => groupQuizSessions.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    attemptId: text('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    joinedAt: at('joined_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at').notNull().defaultNow(),
    completedAt: at('completed_at'),
    // Joined after the host ended the session early, before its planned end: results count, marked late.
    late: boolean('late').notNull().default(false),
  },
  (table) => [primaryKey({ columns: [table.sessionId, table.userId] })],
)

// Where a live session is (see livePhaseSchema): one row per live session once its host opens
// it, changed by conditional UPDATEs on `version`, so two hosts (or nodes) racing cannot both win.
export const sessionLiveStates = pgTable('session_live_states', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => groupQuizSessions.id, { onDelete: 'cascade' }),
  phase: text('phase', {
    enum: ['lobby', 'question', 'paused', 'locked', 'revealed', 'leaderboard', 'podium'],
  })
    .$type<LivePhase>()
    .notNull()
    .default('lobby'),
  questionIndex: integer('question_index'),
  openedAt: at('opened_at'),
  deadline: at('deadline'),
  pausedRemainingMs: integer('paused_remaining_ms'),
  version: integer('version').notNull().default(0),
  updatedAt: at('updated_at').notNull().defaultNow(),
})
