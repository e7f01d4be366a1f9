import { z } from 'zod'

export const questionTypeSchema = z.enum(['single', 'multiple', 'true_false', 'short_text'])
export type QuestionType = z.infer<typeof questionTypeSchema>

/** A choice of a single- or multiple-choice question; `id` is what answers name. */
export const optionSchema = z.object({
  id: z.string().trim().min(1).max(32),
  text: z.string().trim().min(1).max(500),
})
export type Option = z.infer<typeof optionSchema>

const questionIdSchema = z.string().trim().min(1).max(64)

const questionCommon = {
  id: questionIdSchema.optional().describe('Kept when given; assigned by the server otherwise'),
  prompt: z.string().trim().min(1).max(1000),
  explanation: z.string().trim().max(2000).optional(),
  atS: z
    .number()
    .min(0)
    .max(86_400)
    .optional()
    .describe('Moment in the video the question is about'),
  points: z.number().int().min(0).max(100).default(1),
  timeLimitS: z.number().int().min(5).max(3600).optional(),
}

const optionsSchema = z
  .array(optionSchema)
  .min(2)
  .max(10)
  .refine((options) => new Set(options.map((o) => o.id)).size === options.length, {
    message: 'Option ids must be unique',
  })

const singleQuestionSchema = z
  .object({
    ...questionCommon,
    type: z.literal('single'),
    options: optionsSchema,
    correct: z.string().min(1).describe('Id of the correct option'),
  })
  .refine((q) => q.options.some((o) => o.id === q.correct), {
    message: 'The correct answer must be one of the options',
    path: ['correct'],
  })

const multipleQuestionSchema = z
  .object({
    ...questionCommon,
    type: z.literal('multiple'),
    options: optionsSchema,
    correct: z.array(z.string().min(1)).min(1).describe('Ids of every correct option'),
  })
  .refine((q) => q.correct.every((id) => q.options.some((o) => o.id === id)), {
    message: 'Every correct answer must be one of the options',
    path: ['correct'],
  })

const trueFalseQuestionSchema = z.object({
  ...questionCommon,
  type: z.literal('true_false'),
  correct: z.boolean(),
})

const shortTextQuestionSchema = z.object({
  ...questionCommon,
  type: z.literal('short_text'),
  correct: z
    .array(z.string().trim().min(1).max(200))
    .min(1)
    .max(20)
    .describe('Accepted answers; compared ignoring case, accents, punctuation and extra spaces'),
})

/** A question as its author writes it, with the correct answer. */
export const questionInputSchema = z.discriminatedUnion('type', [
  singleQuestionSchema,
  multipleQuestionSchema,
  trueFalseQuestionSchema,
  shortTextQuestionSchema,
])
export type QuestionInput = z.infer<typeof questionInputSchema>

/** A stored question: always has an id and its points. */
export const questionSchema = z.discriminatedUnion('type', [
  singleQuestionSchema.safeExtend({ id: questionIdSchema, points: z.number().int() }),
  multipleQuestionSchema.safeExtend({ id: questionIdSchema, points: z.number().int() }),
  trueFalseQuestionSchema.safeExtend({ id: questionIdSchema, points: z.number().int() }),
  shortTextQuestionSchema.safeExtend({ id: questionIdSchema, points: z.number().int() }),
])
export type Question = z.infer<typeof questionSchema>

/** A question as a quiz taker sees it before answering: no correct answer, no explanation. */
export const publicQuestionSchema = z.object({
  id: questionIdSchema,
  type: questionTypeSchema,
  prompt: z.string(),
  options: z.array(optionSchema).optional(),
  atS: z.number().optional(),
  points: z.number().int(),
  timeLimitS: z.number().int().optional(),
})
export type PublicQuestion = z.infer<typeof publicQuestionSchema>

/** A taker's answer: an option id (single), option ids (multiple), a boolean (true/false) or text (short text). */
export const answerValueSchema = z.union([
  z.boolean(),
  z.string().max(500),
  z.array(z.string().max(64)).max(10),
])
export type AnswerValue = z.infer<typeof answerValueSchema>

/** The correct answer, in the same shape as an answer to the question. */
export const correctAnswerSchema = z.union([z.boolean(), z.string(), z.array(z.string())])
export type CorrectAnswer = z.infer<typeof correctAnswerSchema>
