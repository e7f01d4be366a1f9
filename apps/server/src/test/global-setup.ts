import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { pino } from 'pino'
import type { TestProject } from 'vitest/node'
import { loadTestEnv } from '../config/test-env.ts'
import { type DatabaseHandle, openPostgres, usePglite } from '../db/database.ts'
import { startJobQueue } from '../plugins/jobs.ts'
import { databaseUrlFor } from './databases.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a gzipped dump of a migrated data directory. PostgreSQL: a migrated template database. */
    databaseTemplate: { driver: 'pglite'; dumpFile: string } | { driver: 'postgres'; name: string }
  }
}

/**
 * Migrates one database before any test file runs; every file then starts from a copy,
 * which is far quicker than migrating per file.
 */
export default async function setup(project: TestProject) {
  const { driver, adminUrl } = loadTestEnv()
  if (driver === 'postgres' && adminUrl) {
    const name = `loopquiz_tpl_${process.pid}_${Date.now()}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    const template = await openPostgres(databaseUrlFor(adminUrl, name))
    await prepare(template)
    await template.close()
    project.provide('databaseTemplate', { driver, name })
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }
  const client = await PGlite.create()
  const template = usePglite(client)
  await prepare(template)
  const dump = await client.dumpDataDir('gzip')
  const dir = await mkdtemp(path.join(tmpdir(), 'loopquiz-tpl-'))
  const dumpFile = path.join(dir, 'template.tar.gz')
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()))
  await template.close()
  project.provide('databaseTemplate', { driver: 'pglite', dumpFile })
  return () => rm(dir, { recursive: true, force: true })
}

/** Our migrations, and the job queue's own schema, which pg-boss creates on its first start. */
async function prepare(template: DatabaseHandle) {
  await template.migrate()
  const queue = await startJobQueue(template, { logger: pino({ level: 'silent' }) })
  await queue.stop()
}
