import { z } from 'zod'
import { pageQuerySchema, pageSchema, timestampSchema } from './common.ts'
import { sessionOptionsSchema } from './live.ts'
import { loopSnapshotSchema } from './loops.ts'
import { publicQuestionSchema, questionInputSchema } from './questions.ts'

export const sessionTypeSchema = z.enum(['instant', 'scheduled', 'recurring'])
export type SessionType = z.infer<typeof sessionTypeSchema>
export const sessionStatusSchema = z.enum([
  'pending_approval',
  'scheduled',
  'active',
  'completed',
  'cancelled',
])
export type SessionStatus = z.infer<typeof sessionStatusSchema>
/** self_paced: everyone answers at their own speed while the session is active. */
export const sessionModeSchema = z.enum(['self_paced', 'live'])
export type SessionMode = z.infer<typeof sessionModeSchema>

/** Why a session was cancelled, when it was not a person's plain "cancel". */
export const cancelReasonSchema = z.enum([
  'rejected',
  'not_approved_in_time',
  'group_deleted',
  'outside_allowed_times',
])
export type CancelReason = z.infer<typeof cancelReasonSchema>

/** Which occurrences of a recurring series a change applies to, as calendars ask. */
export const seriesScopeSchema = z.enum(['this', 'following', 'all'])
export type SeriesScope = z.infer<typeof seriesScopeSchema>

/** Where a session's questions come from; the session keeps a copy either way. */
export const sessionSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('share'), token: z.string().min(16).max(64) }),
  z.object({ kind: z.literal('loop'), loopId: z.uuid() }),
  z.object({
    kind: z.literal('manual'),
    loop: loopSnapshotSchema,
    questions: z.array(questionInputSchema).min(1).max(50),
  }),
])
export type SessionSource = z.infer<typeof sessionSourceSchema>

const durationSchema = z
  .number()
  .int()
  .min(1)
  .max(24 * 60)

export const createInstantSessionBodySchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).default(''),
  mode: sessionModeSchema.default('self_paced'),
  options: sessionOptionsSchema.optional(),
  durationMinutes: durationSchema.default(60),
  source: sessionSourceSchema,
})
export type CreateInstantSessionBody = z.infer<typeof createInstantSessionBodySchema>

export const scheduleSessionBodySchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).default(''),
  mode: sessionModeSchema.default('self_paced'),
  options: sessionOptionsSchema.optional(),
  scheduledAt: timestampSchema,
  durationMinutes: durationSchema.default(60),
  recurrenceRule: z
    .string()
    .trim()
    .min(6)
    .max(500)
    .optional()
    .describe('RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8, in the group’s time zone'),
  source: sessionSourceSchema,
})
export type ScheduleSessionBody = z.infer<typeof scheduleSessionBodySchema>

/**
 * Edit or reschedule a session that has not started. For an occurrence of a recurring series,
 * `scope` says whether the change is for it alone, it and the later ones, or the whole series;
 * a new time moves each occurrence by the same wall-clock shift in the group's time zone.
 */
export const updateSessionBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000),
    mode: sessionModeSchema,
    options: sessionOptionsSchema,
    scheduledAt: timestampSchema,
    durationMinutes: durationSchema,
  })
  .partial()
  .extend({ scope: seriesScopeSchema.default('this') })
export type UpdateSessionBody = z.infer<typeof updateSessionBodySchema>

/** Cancel one session, or for a series this and the following occurrences, or all of them. */
export const cancelSessionQuerySchema = z.object({ scope: seriesScopeSchema.default('this') })
export type CancelSessionQuery = z.infer<typeof cancelSessionQuerySchema>

/**
 * The host's explicit late window: after the session ends, answers are still taken until
 * `lateUntil`, marked late. `null` closes it. Nothing is taken after the end without one.
 */
export const lateWindowBodySchema = z.object({ lateUntil: timestampSchema.nullable() })
export type LateWindowBody = z.infer<typeof lateWindowBodySchema>

export const personRefSchema = z.object({ id: z.string(), name: z.string() })

export const sessionCapabilitiesSchema = z.object({
  canJoin: z.boolean(),
  canEdit: z.boolean(),
  canStart: z.boolean(),
  canEnd: z.boolean(),
  canCancel: z.boolean(),
  canApprove: z.boolean(),
  canSetLateWindow: z.boolean(),
  /** Runs the live session (start, advance, pause, reveal), extends it, sees answer distributions. */
  canHost: z.boolean(),
  /** Changing this session's time or duration sends it back for approval (the viewer's edits need it). */
  timeChangeNeedsApproval: z.boolean(),
})

export const myParticipationSchema = z.object({
  attemptId: z.string(),
  answeredCount: z.number().int(),
  score: z.number().int(),
  completedAt: timestampSchema.nullable(),
  late: z.boolean(),
})

/** A group session as a member sees it (never the correct answers). */
export const groupSessionSchema = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  groupName: z.string(),
  groupTimezone: z.string(),
  sessionType: sessionTypeSchema,
  status: sessionStatusSchema,
  mode: sessionModeSchema,
  options: sessionOptionsSchema,
  title: z.string(),
  description: z.string(),
  loop: loopSnapshotSchema,
  questionCount: z.number().int(),
  totalPoints: z.number().int(),
  shareToken: z.string(),
  joinUrl: z.url(),
  /** Six letters and digits people type at /join to reach the session (the projector shows it). */
  joinCode: z.string(),
  extensionLoopId: z.string().nullable(),
  scheduledAt: timestampSchema.nullable(),
  durationMinutes: z.number().int(),
  endsAt: timestampSchema.nullable(),
  startedAt: timestampSchema.nullable(),
  completedAt: timestampSchema.nullable(),
  cancelledAt: timestampSchema.nullable(),
  cancelReason: cancelReasonSchema.nullable(),
  lateUntil: timestampSchema
    .nullable()
    .describe('Answers after the end are taken until then (marked late); null: none after the end'),
  recurrenceRule: z.string().nullable(),
  seriesId: z.uuid().nullable(),
  /** Set on a series row of a list with `collapseSeries`: the series at a glance. */
  series: z
    .object({
      occurrenceCount: z.number().int(),
      upcomingCount: z.number().int(),
      completedCount: z.number().int(),
    })
    .nullable(),
  createdBy: personRefSchema,
  approvedBy: personRefSchema.nullable(),
  icsSequence: z.number().int(),
  participantCount: z.number().int(),
  completedCount: z.number().int(),
  myParticipation: myParticipationSchema.nullable(),
  capabilities: sessionCapabilitiesSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type GroupSession = z.infer<typeof groupSessionSchema>

/** A session with its questions, for the quiz page in group context. */
export const groupSessionDetailSchema = groupSessionSchema.extend({
  questions: z.array(publicQuestionSchema),
})
export type GroupSessionDetail = z.infer<typeof groupSessionDetailSchema>

export const sessionParamsSchema = z.object({ groupId: z.uuid(), sessionId: z.uuid() })

export const sessionCodeParamsSchema = z.object({ code: z.string().min(1).max(32) })

/** Where a typed join code leads: the session and its group, for a member of that group. */
export const sessionByCodeSchema = z.object({
  groupId: z.uuid(),
  sessionId: z.uuid(),
  title: z.string(),
  groupName: z.string(),
  joinUrl: z.url(),
})
export type SessionByCode = z.infer<typeof sessionByCodeSchema>

export const findSessionsQuerySchema = pageQuerySchema.extend({
  status: sessionStatusSchema.optional(),
  type: sessionTypeSchema.optional(),
  createdBy: z.string().min(1).max(64).optional(),
  from: timestampSchema
    .optional()
    .describe('Sessions starting (or created, for instant ones) at or after'),
  to: timestampSchema.optional().describe('… and before'),
  order: z.enum(['newest', 'soonest']).default('newest'),
  seriesId: z.uuid().optional().describe('Only the occurrences of this recurring series'),
  collapseSeries: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe(
      'One row per recurring series (its next occurrence matching the filters, else its latest), with `series` counts',
    ),
})
export type FindSessionsQuery = z.infer<typeof findSessionsQuerySchema>
export const groupSessionPageSchema = pageSchema(groupSessionSchema)

export const sessionStatsSchema = z.object({
  held: z.number().int(),
  upcoming: z.number().int(),
  participationRate: z.number().min(0).max(1).nullable(),
  averageScoreRate: z.number().min(0).max(1).nullable(),
})
export type SessionStats = z.infer<typeof sessionStatsSchema>

/** One member's participation in a session. */
export const participantSchema = z.object({
  userId: z.string(),
  name: z.string(),
  joinedAt: timestampSchema,
  lastSeenAt: timestampSchema,
  answeredCount: z.number().int(),
  score: z.number().int(),
  maxScore: z.number().int(),
  completedAt: timestampSchema.nullable(),
  late: z.boolean(),
  /** No longer a member of the group: a finished result stays in the history, marked. */
  leftGroup: z.boolean(),
})
export type Participant = z.infer<typeof participantSchema>
export const participantListSchema = z.object({ items: z.array(participantSchema) })

export const sessionResultsSchema = z.object({
  sessionId: z.uuid(),
  status: sessionStatusSchema,
  totalPoints: z.number().int(),
  memberCount: z.number().int(),
  participants: z.array(participantSchema.extend({ rank: z.number().int() })),
  averageScore: z.number().nullable(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      prompt: z.string(),
      answeredCount: z.number().int(),
      correctCount: z.number().int(),
    }),
  ),
})
export type SessionResults = z.infer<typeof sessionResultsSchema>

/** "Share to Group" from the extension: its loop and questions become an instant or scheduled session. */
export const createExtensionSessionBodySchema = z.object({
  groupId: z.uuid(),
  kind: z.enum(['instant', 'scheduled']).default('instant'),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(2000).default(''),
  mode: sessionModeSchema.default('self_paced'),
  options: sessionOptionsSchema.optional(),
  scheduledAt: timestampSchema.optional(),
  durationMinutes: durationSchema.default(60),
  extensionLoopId: z.string().trim().min(1).max(255).optional(),
  loop: loopSnapshotSchema,
  questions: z.array(questionInputSchema).min(1).max(50),
})
export type CreateExtensionSessionBody = z.infer<typeof createExtensionSessionBodySchema>

export const userSessionsQuerySchema = z.object({
  scope: z.enum(['active', 'upcoming', 'recent']).default('active'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
})
export const userSessionListSchema = z.object({ items: z.array(groupSessionSchema) })

export const nextStartQuerySchema = z.object({
  durationMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
})
export type NextStartQuery = z.infer<typeof nextStartQuerySchema>

/** The earliest start the group allows the caller for a session of that length. */
export const nextStartSchema = z.object({
  startsAt: timestampSchema.nullable(),
  /** Why there is no start, when `startsAt` is null. */
  reason: z.string().optional(),
})
export type NextStart = z.infer<typeof nextStartSchema>
