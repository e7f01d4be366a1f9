import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { DatabaseKind } from './settings.ts'

/** A fresh, empty database for one server, and how to throw it away. */
export interface DatabaseTarget {
  kind: DatabaseKind
  label: string
  /** Environment variables that point the server at this database. */
  env: Record<string, string>
  dispose(): Promise<void>
}

export function createTarget(kind: DatabaseKind, postgresAdminUrl: string) {
  return kind === 'pglite' ? createPgliteTarget() : createPostgresTarget(postgresAdminUrl)
}

async function createPgliteTarget(): Promise<DatabaseTarget> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loopquiz-bench-'))
  return {
    kind: 'pglite',
    label: 'PGlite',
    env: { DATA_DIR: dataDir },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  }
}

/** Creates `loopquiz_bench_<pid>` so runs never touch, or collide on, anyone's data. */
async function createPostgresTarget(adminUrl: string): Promise<DatabaseTarget> {
  const name = `loopquiz_bench_${process.pid}`
  await withAdmin(adminUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
  })
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    kind: 'postgres',
    label: 'PostgreSQL',
    env: { DATABASE_URL: url.toString() },
    dispose: () =>
      withAdmin(adminUrl, async (admin) => {
        // FORCE: a server killed mid-run may leave connections behind.
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      }),
  }
}

async function withAdmin(adminUrl: string, work: (admin: pg.Client) => Promise<void>) {
  const admin = new pg.Client({ connectionString: adminUrl })
  try {
    await admin.connect()
    await work(admin)
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${redact(adminUrl)}: ${(error as Error).message}. ` +
        'Set BENCH_POSTGRES_URL, or BENCH_DATABASES=pglite to skip PostgreSQL.',
    )
  } finally {
    await admin.end().catch(() => {})
  }
}

/** Connection strings may carry a password: print them without it. */
function redact(url: string): string {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = '***'
  return parsed.toString()
}
