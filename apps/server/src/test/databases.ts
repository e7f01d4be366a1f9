import { readFile } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { inject } from 'vitest'
import { loadTestEnv } from '../config/test-env.ts'
import { type DatabaseHandle, openPostgres, usePglite } from '../db/database.ts'

export function databaseUrlFor(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** A fresh, migrated database of its own for one test file, copied from the template. */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('databaseTemplate')
  if (template.driver === 'pglite') {
    const dump = await readFile(template.dumpFile)
    const client = await PGlite.create({ loadDataDir: new Blob([dump]) })
    return usePglite(client)
  }
  const { adminUrl } = loadTestEnv()
  if (!adminUrl) throw new Error('TEST_DATABASE_URL vanished between setup and test')
  const name = `loopquiz_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.name}`)
  } finally {
    await admin.end()
  }
  // Dropping the database at the end may cut connections the pool is still closing.
  const database = await openPostgres(databaseUrlFor(adminUrl, name), () => {})
  return {
    ...database,
    async close() {
      await database.close()
      const dropper = new pg.Client({ connectionString: adminUrl })
      await dropper.connect()
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await dropper.end()
    },
  }
}
