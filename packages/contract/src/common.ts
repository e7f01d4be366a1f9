import { z } from 'zod'

/** ISO-8601 timestamp in UTC, as every API time is sent. */
export const timestampSchema = z.iso.datetime({ offset: true })

export const idSchema = z.string().min(1).max(64)

/** Query of every cursor-paginated list. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type PageQuery = z.infer<typeof pageQuerySchema>

/** A page of items; `nextCursor` is null on the last page. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() })
}

export const emptySchema = z.object({})
