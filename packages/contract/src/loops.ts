import { z } from 'zod'
import { idSchema, pageQuerySchema, pageSchema, timestampSchema } from './common.ts'
import { questionInputSchema, questionSchema } from './questions.ts'

export const videoProviderSchema = z.enum(['youtube', 'html5'])
export type VideoProvider = z.infer<typeof videoProviderSchema>

const loopFields = {
  videoUrl: z.url({ protocol: /^https?$/ }).max(2048),
  videoTitle: z.string().trim().min(1).max(300),
  provider: videoProviderSchema,
  videoId: z.string().trim().min(1).max(64).optional().describe('YouTube video id'),
  startS: z.number().min(0).max(86_400),
  endS: z.number().min(0).max(86_400),
  transcript: z.string().max(50_000).optional(),
  vocabulary: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
}

const endAfterStart = {
  check: (loop: { startS: number; endS: number }) => loop.endS > loop.startS,
  issue: { message: 'The loop must end after it starts', path: ['endS'] },
}

/** The segment of a video a quiz is about, as copied into a question set. */
export const loopSnapshotSchema = z
  .object(loopFields)
  .refine(endAfterStart.check, endAfterStart.issue)
export type LoopSnapshot = z.infer<typeof loopSnapshotSchema>

/** Create a loop, or update the caller's loop with the same `clientId` (the extension's sync). */
export const createLoopBodySchema = z
  .object({
    ...loopFields,
    clientId: z.string().trim().min(1).max(64).optional(),
    questions: z.array(questionInputSchema).max(50).default([]),
  })
  .refine(endAfterStart.check, endAfterStart.issue)
export type CreateLoopBody = z.infer<typeof createLoopBodySchema>

/** Change some fields of a loop; the result must still end after it starts. */
export const updateLoopBodySchema = z
  .object({
    ...loopFields,
    questions: z.array(questionInputSchema).max(50),
  })
  .partial()
export type UpdateLoopBody = z.infer<typeof updateLoopBodySchema>

/** A loop of a video marked by its owner, with its draft questions. */
export const loopSchema = z.object({
  id: idSchema,
  ownerId: idSchema,
  clientId: z.string(),
  ...loopFields,
  questions: z.array(questionSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
})
export type Loop = z.infer<typeof loopSchema>

export const loopParamsSchema = z.object({ loopId: z.uuid() })
export const loopPageSchema = pageSchema(loopSchema)
export type LoopPage = z.infer<typeof loopPageSchema>
export const findLoopsQuerySchema = pageQuerySchema
