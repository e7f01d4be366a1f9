import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import lockfile from 'proper-lockfile'
import * as schema from './schema/index.ts'

export type Schema = typeof schema
/** The Drizzle database, the same type on PGlite and on PostgreSQL. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle {
  db: Database
  kind: DatabaseKind
  /** The driver's own client, for libraries that speak to it directly (the job queue). */
  driver: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; url: string; pool: pg.Pool }
  migrate(): Promise<void>
  isReachable(): Promise<boolean>
  close(): Promise<void>
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
}

// Any fixed 64-bit number: every node that migrates takes this lock first, so
// nodes starting together apply migrations one after another.
const MIGRATION_LOCK_ID = 7_201_911_042

export async function openPostgres(
  url: string,
  onConnectionLost: (error: Error) => void = (error) =>
    console.warn(`PostgreSQL connection lost (the pool reconnects): ${error.message}`),
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle connection can die (server restart, failover); unhandled, that would end the process.
  pool.on('error', onConnectionLost)
  const db = drizzleNodePg(pool, { schema }) as unknown as Database
  return {
    db,
    kind: 'postgres',
    driver: { kind: 'postgres', url, pool },
    async migrate() {
      const client = await pool.connect()
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID])
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder })
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {})
        client.release()
      }
    },
    isReachable: () => ping(db),
    close: () => pool.end(),
  }
}

/** Wraps an open PGlite instance (tests load theirs from a migrated template). */
export function usePglite(client: PGlite, release: () => Promise<void> = async () => {}) {
  const db = drizzlePglite(client, { schema }) as unknown as Database
  const handle: DatabaseHandle = {
    db,
    kind: 'pglite',
    driver: { kind: 'pglite', client },
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    isReachable: () => ping(db),
    async close() {
      await client.close()
      await release()
    },
  }
  return handle
}

/**
 * Opens the embedded database in `dir`, holding a lock on it: two processes on one
 * PGlite directory would each overwrite the other's writes.
 */
export async function openPglite(dir: string): Promise<DatabaseHandle> {
  // PGlite's own mkdir is not recursive.
  await mkdir(dir, { recursive: true })
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(dir, {
      lockfilePath: path.join(dir, '..', `${path.basename(dir)}.lock`),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      onCompromised: (error) => {
        throw error
      },
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new DataDirLockedError(
        `Another LoopQuiz server is already using the data directory ${dir}. ` +
          'Stop that server first, or give this one its own DATA_DIR (or a DATABASE_URL).',
      )
    }
    throw error
  }
  const client = await PGlite.create({ dataDir: dir })
  return usePglite(client, release)
}

async function ping(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`)
    return true
  } catch {
    return false
  }
}
