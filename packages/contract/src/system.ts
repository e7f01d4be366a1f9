import { z } from 'zod'

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean() }),
})
export type Health = z.infer<typeof healthSchema>

/** The signed-in user. */
export const meSchema = z.object({
  id: z.string(),
  email: z.email(),
  name: z.string(),
})
export type Me = z.infer<typeof meSchema>
