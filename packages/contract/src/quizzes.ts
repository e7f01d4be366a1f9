import { z } from 'zod'
import { pageQuerySchema, pageSchema, timestampSchema } from './common.ts'
import { loopSnapshotSchema } from './loops.ts'
import {
  answerValueSchema,
  correctAnswerSchema,
  publicQuestionSchema,
  questionInputSchema,
} from './questions.ts'

/** Who may open a share link: anyone (guests too) or signed-in users only. */
export const shareVisibilitySchema = z.enum(['public', 'signed_in'])
export type ShareVisibility = z.infer<typeof shareVisibilitySchema>

/** When a quiz taker sees the correct answer and explanation of a question. */
export const showAnswersPolicySchema = z
  .enum(['after_each_answer', 'after_finishing', 'never'])
  .describe(
    'after_each_answer: the key of a question once it is answered (skipped ones never); after_finishing: on finishing, for every question; never: right or wrong and the score only',
  )
/** When a quiz taker sees the correct answer and explanation of a question. */
export type ShowAnswersPolicy = z.infer<typeof showAnswersPolicySchema>

/**
 * Whether the key (correct answer and explanation) of a question is given, and if not, why:
 * `answered_only` (the author shows keys only of answered questions), `on_finish` (shown once
 * the attempt is finished), `on_session_end` (shown once the group session is closed),
 * `never` (the author shows no keys).
 */
export const answerKeyStatusSchema = z.enum([
  'shown',
  'answered_only',
  'on_finish',
  'on_session_end',
  'never',
])
/** Whether the key of a question is given, and if not, why. */
export type AnswerKeyStatus = z.infer<typeof answerKeyStatusSchema>

/** Who may open a question set: also `group`, for the copy a group session takes. */
export const questionSetVisibilitySchema = z.enum(['public', 'signed_in', 'group'])

/** How many attempts one signed-in person may start at a share. */
export const maxAttemptsSchema = z.number().int().min(1).max(100)

/** Share questions on a loop as a link. Give the loop inline, or the id of one of your loops. */
export const createShareBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    loopId: z.uuid().optional(),
    loop: loopSnapshotSchema.optional(),
    questions: z.array(questionInputSchema).min(1).max(50),
    visibility: shareVisibilitySchema.default('public'),
    showAnswers: showAnswersPolicySchema.default('after_each_answer'),
    expiresInHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 365)
      .optional(),
    maxAttempts: maxAttemptsSchema
      .optional()
      .describe('Attempts one signed-in person may start; leave out for no limit'),
    forceNew: z
      .boolean()
      .optional()
      .describe('Make a new link even when an unchanged share of this loop is still live'),
  })
  .refine((body) => (body.loop === undefined) !== (body.loopId === undefined), {
    message: 'Give either loop or loopId',
    path: ['loop'],
  })
  // Guests have no account to count attempts against, so a limit needs signed-in takers.
  .refine((body) => body.maxAttempts === undefined || body.visibility === 'signed_in', {
    message: 'An attempt limit counts per account: share with signed-in users only to set one',
    path: ['maxAttempts'],
  })
export type CreateShareBody = z.infer<typeof createShareBodySchema>

export const createShareResponseSchema = z.object({
  token: z.string(),
  shareUrl: z.url(),
  expiresAt: timestampSchema.nullable(),
  reused: z
    .boolean()
    .describe(
      'True when an unchanged live share of the same loop was returned instead of a new one',
    ),
})
export type CreateShareResponse = z.infer<typeof createShareResponseSchema>

export const shareTokenParamsSchema = z.object({
  token: z.string().min(16).max(64),
})

/** A shared question set as a quiz taker receives it: never the correct answers. */
export const publicQuestionSetSchema = z.object({
  token: z.string(),
  title: z.string(),
  loop: loopSnapshotSchema,
  questions: z.array(publicQuestionSchema),
  totalPoints: z.number().int(),
  visibility: questionSetVisibilitySchema,
  showAnswers: showAnswersPolicySchema,
  expiresAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  ownerName: z.string(),
  maxAttempts: maxAttemptsSchema
    .nullable()
    .describe('Attempts per signed-in person; null for no limit'),
  viewerAttempts: z
    .object({
      used: z.number().int(),
      latestAttemptId: z.string().nullable(),
    })
    .nullable()
    .describe(
      'The signed-in caller’s own attempts at this share (not in group sessions); null for guests',
    ),
})
export type PublicQuestionSet = z.infer<typeof publicQuestionSetSchema>

/** A question set the caller shared, for their own lists. */
export const questionSetSummarySchema = z.object({
  token: z.string(),
  title: z.string(),
  shareUrl: z.url(),
  videoTitle: z.string(),
  questionCount: z.number().int(),
  visibility: questionSetVisibilitySchema,
  showAnswers: showAnswersPolicySchema,
  expiresAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  attemptCount: z.number().int(),
  maxAttempts: maxAttemptsSchema.nullable(),
  disabledAt: timestampSchema
    .nullable()
    .describe('When the author turned the link off; null while on'),
  isSessionCopy: z
    .boolean()
    .describe('The copy a group session took: it follows its session, not these settings'),
})
export type QuestionSetSummary = z.infer<typeof questionSetSummarySchema>
export const questionSetPageSchema = pageSchema(questionSetSummarySchema)

export const startAttemptBodySchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .describe('Required for guests; ignored for signed-in users'),
})
export type StartAttemptBody = z.infer<typeof startAttemptBodySchema>

/** One answer to one question. Repeating the same `clientAnswerId` returns the first result unchanged. */
export const submitAnswerBodySchema = z.object({
  clientAnswerId: z.string().trim().min(8).max(64),
  questionId: z.string().min(1).max(64),
  response: answerValueSchema,
})
export type SubmitAnswerBody = z.infer<typeof submitAnswerBodySchema>

/** The key of a question: given only when `keyStatus` is `shown`, otherwise both are null. */
const answerKeyFields = {
  keyStatus: answerKeyStatusSchema,
  correctAnswer: correctAnswerSchema.nullable(),
  explanation: z.string().nullable().describe('Null also when the question has none'),
}

/** The graded answer: shown to the taker right after answering; the key as the policy allows. */
export const answerResultSchema = z.object({
  questionId: z.string(),
  clientAnswerId: z.string(),
  response: answerValueSchema,
  correct: z.boolean(),
  points: z.number().int(),
  maxPoints: z.number().int(),
  ...answerKeyFields,
  answeredAt: timestampSchema,
})
export type AnswerResult = z.infer<typeof answerResultSchema>

export const attemptStatusSchema = z.enum(['in_progress', 'finished'])

/** When the taker was first shown a question: its countdown runs from here, on the server's clock. */
export const questionOpeningSchema = z.object({
  questionId: z.string(),
  openedAt: timestampSchema,
  deadline: timestampSchema
    .nullable()
    .describe('When the time to answer runs out; null when the question has no limit'),
})
/** When the taker was first shown a question, and when its time runs out. */
export type QuestionOpening = z.infer<typeof questionOpeningSchema>

/** An attempt as it stands: enough to resume it after a reload. */
export const attemptSchema = z.object({
  id: z.string(),
  token: z.string(),
  title: z.string(),
  displayName: z.string(),
  status: attemptStatusSchema,
  showAnswers: showAnswersPolicySchema,
  answers: z.array(answerResultSchema),
  score: z.number().int(),
  maxScore: z.number().int(),
  questionCount: z.number().int(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  /** The questions opened so far, so a reload resumes their countdowns where they were. */
  openings: z.array(questionOpeningSchema),
})
export type Attempt = z.infer<typeof attemptSchema>

export const attemptParamsSchema = z.object({ attemptId: z.string().min(16).max(64) })

/** One question of a result: the question as the taker saw it, their answer, and the key if given. */
export const reviewItemSchema = z.object({
  question: publicQuestionSchema,
  answer: answerResultSchema.nullable(),
  ...answerKeyFields,
})
export type ReviewItem = z.infer<typeof reviewItemSchema>

/** The result of a finished attempt, with every question and the taker's answer to it. */
export const attemptResultSchema = z.object({
  attemptId: z.string(),
  token: z.string(),
  title: z.string(),
  displayName: z.string(),
  score: z.number().int(),
  maxScore: z.number().int(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema,
  showAnswers: showAnswersPolicySchema,
  review: z.array(reviewItemSchema),
})
export type AttemptResult = z.infer<typeof attemptResultSchema>

/** One of the caller's attempts, for "recent results". */
export const attemptSummarySchema = attemptSchema
  .pick({
    id: true,
    token: true,
    title: true,
    status: true,
    score: true,
    maxScore: true,
    questionCount: true,
    startedAt: true,
    finishedAt: true,
  })
  .extend({ videoTitle: z.string() })
export type AttemptSummary = z.infer<typeof attemptSummarySchema>
export const attemptPageSchema = pageSchema(attemptSummarySchema)
export const findAttemptsQuerySchema = pageQuerySchema
export const findQuestionSetsQuerySchema = pageQuerySchema

/** The details of an ATTEMPT_LIMIT_REACHED error: the limit, and the caller's latest attempt. */
export const attemptLimitDetailsSchema = z.object({
  maxAttempts: z.number().int(),
  latestAttemptId: z.string().nullable(),
})

/** Turn a share link off (later visits are told so) or on again. */
export const setQuestionSetStatusBodySchema = z.object({ enabled: z.boolean() })
export type SetQuestionSetStatusBody = z.infer<typeof setQuestionSetStatusBodySchema>

/** Whether an attempt was taken by a guest (a display name only) or a signed-in account. */
export const takerKindSchema = z.enum(['guest', 'account'])
export type TakerKind = z.infer<typeof takerKindSchema>

/** One attempt at the author's share, as its author sees it: never the attempt's secret id. */
export const shareAttemptSchema = z.object({
  displayName: z.string(),
  kind: takerKindSchema,
  status: attemptStatusSchema,
  score: z.number().int(),
  maxScore: z.number().int(),
  correctCount: z.number().int(),
  questionCount: z.number().int(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  durationSeconds: z
    .number()
    .nullable()
    .describe('finishedAt − startedAt in seconds; null while in progress'),
})
export type ShareAttempt = z.infer<typeof shareAttemptSchema>

/** The attempts at a share, newest first, at most `limit` of them; `total` counts all. */
export const shareAttemptListSchema = z.object({
  items: z.array(shareAttemptSchema),
  total: z.number().int(),
  limit: z.number().int(),
})
export type ShareAttemptList = z.infer<typeof shareAttemptListSchema>

/** How the takers of a share did on one question. */
export const questionStatSchema = z.object({
  questionId: z.string(),
  position: z.number().int().describe('1 for the first question'),
  prompt: z.string(),
  answeredCount: z.number().int(),
  correctCount: z.number().int(),
  correctRate: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe('correctCount / answeredCount; null while nobody answered it'),
})
export type QuestionStat = z.infer<typeof questionStatSchema>

/** Per question, in the share's order: how many answered it and how many got it right. */
export const questionStatListSchema = z.object({ items: z.array(questionStatSchema) })
export type QuestionStatList = z.infer<typeof questionStatListSchema>

/** The CSV of a share's attempts (RFC 4180, a header row, one row per attempt). */
export const shareAttemptsCsvSchema = z.string().describe('text/csv; charset=utf-8')

export const questionOpeningParamsSchema = attemptParamsSchema.extend({
  questionId: z.string().min(1).max(64),
})

/** The opening of a question, and the server's clock so the client can correct its own. */
export const openQuestionResponseSchema = questionOpeningSchema.extend({
  serverNow: timestampSchema,
})
/** The opening of a question, and the server's clock so the client can correct its own. */
export type OpenQuestionResponse = z.infer<typeof openQuestionResponseSchema>
