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
  })
  .refine((body) => (body.loop === undefined) !== (body.loopId === undefined), {
    message: 'Give either loop or loopId',
    path: ['loop'],
  })
export type CreateShareBody = z.infer<typeof createShareBodySchema>

export const createShareResponseSchema = z.object({
  token: z.string(),
  shareUrl: z.url(),
  expiresAt: timestampSchema.nullable(),
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
