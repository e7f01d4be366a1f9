import { and, desc, eq, lt, or } from 'drizzle-orm'
import type { Database } from '../../db/database.ts'
import { loops } from '../../db/schema/loops.ts'
import type { Cursor } from '../../lib/pagination.ts'

export type LoopRow = typeof loops.$inferSelect
export type NewLoopRow = typeof loops.$inferInsert
export type LoopChanges = Partial<Omit<NewLoopRow, 'id' | 'ownerId' | 'clientId' | 'createdAt'>>

export function createLoopsRepository(db: Database) {
  return {
    /** Inserts, or updates the owner's loop with the same clientId. */
    async upsert(row: NewLoopRow): Promise<LoopRow> {
      const { id: _id, ownerId: _owner, clientId: _client, createdAt: _created, ...changes } = row
      const [saved] = await db
        .insert(loops)
        .values(row)
        .onConflictDoUpdate({
          target: [loops.ownerId, loops.clientId],
          set: { ...changes, updatedAt: new Date() },
        })
        .returning()
      if (!saved) throw new Error('upsert returned no row')
      return saved
    },

    async findByOwner(ownerId: string, limit: number, after: Cursor | null): Promise<LoopRow[]> {
      return db
        .select()
        .from(loops)
        .where(
          and(
            eq(loops.ownerId, ownerId),
            after
              ? or(
                  lt(loops.updatedAt, after.at),
                  and(eq(loops.updatedAt, after.at), lt(loops.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(loops.updatedAt), desc(loops.id))
        .limit(limit)
    },

    async findOwned(id: string, ownerId: string): Promise<LoopRow | null> {
      const [row] = await db
        .select()
        .from(loops)
        .where(and(eq(loops.id, id), eq(loops.ownerId, ownerId)))
      return row ?? null
    },

    async update(id: string, ownerId: string, changes: LoopChanges): Promise<LoopRow | null> {
      const [row] = await db
        .update(loops)
        .set({ ...changes, updatedAt: new Date() })
        .where(and(eq(loops.id, id), eq(loops.ownerId, ownerId)))
        .returning()
      return row ?? null
    },

    async delete(id: string, ownerId: string): Promise<boolean> {
      const deleted = await db
        .delete(loops)
        .where(and(eq(loops.id, id), eq(loops.ownerId, ownerId)))
        .returning({ id: loops.id })
      return deleted.length > 0
    },
  }
}

export type LoopsRepository = ReturnType<typeof createLoopsRepository>
