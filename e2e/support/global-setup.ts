import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the real server, serving the built web app, for the browser tests. */
    baseUrl: string
  }
}

const serverFile = fileURLToPath(new URL('../../apps/server/src/server.ts', import.meta.url))

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const address = probe.address()
  probe.close()
  if (address === null || typeof address === 'string') throw new Error('no free port')
  return address.port
}

async function waitUntilHealthy(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`)
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`server did not become healthy:\n${log()}`)
}

/** An empty PostgreSQL database made through an admin connection; the server migrates it. */
async function createPostgresDatabase(adminUrl: string) {
  const name = `loopquiz_e2e_${process.pid}_${Date.now()}`
  const run = async (sql: string) => {
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    try {
      await admin.query(sql)
    } finally {
      await admin.end()
    }
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/**
 * Starts the real server for the whole browser run on a fresh database: its embedded
 * PGlite by default, or with TEST_DB_DRIVER=postgres an empty PostgreSQL database made
 * from TEST_DATABASE_URL (an admin connection URL), as the integration tests do.
 */
export default async function setup(project: TestProject) {
  const driver = process.env.TEST_DB_DRIVER ?? 'pglite'
  const adminUrl = process.env.TEST_DATABASE_URL
  if (driver === 'postgres' && !adminUrl) {
    throw new Error('TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL (an admin connection URL)')
  }
  const database = driver === 'postgres' && adminUrl ? await createPostgresDatabase(adminUrl) : null
  const dataDir = await mkdtemp(path.join(tmpdir(), 'loopquiz-e2e-'))
  const port = await freePort()
  const baseUrl = `http://localhost:${port}`
  const child = spawn(process.execPath, [serverFile], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      ...(database ? { DATABASE_URL: database.url } : {}),
      // Lets a run serve its own build, so two runs on one checkout never share a dist folder.
      ...(process.env.WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.WEB_DIST_DIR } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (chunk) => {
    log += chunk
  })
  child.stderr?.on('data', (chunk) => {
    log += chunk
  })
  try {
    await waitUntilHealthy(baseUrl, child, () => log)
  } catch (error) {
    child.kill('SIGTERM')
    await database?.drop()
    throw error
  }
  project.provide('baseUrl', baseUrl)
  return async () => {
    child.kill('SIGTERM')
    if (child.exitCode === null) await once(child, 'exit')
    await rm(dataDir, { recursive: true, force: true })
    await database?.drop()
  }
}
