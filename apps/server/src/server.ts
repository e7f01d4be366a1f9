import path from 'node:path'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config/env.ts'
import { type DatabaseHandle, DataDirLockedError, openPglite, openPostgres } from './db/database.ts'
import { readOrCreateDevSecret } from './plugins/auth.ts'
import { seedDemoData } from './seed/demo-data.ts'

async function main() {
  const config = loadConfig()
  const database: DatabaseHandle = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(path.join(config.dataDir, 'pglite'))
  await database.migrate()
  const app = await buildApp({
    config,
    database,
    authSecret: config.authSecret ?? (await readOrCreateDevSecret(config.dataDir)),
    prettyLogs: config.env === 'development' && process.stdout.isTTY,
  })

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    // close() stops accepting connections and waits for in-flight requests.
    await app.close()
    await database.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  const demo = config.seedDemoData ? await seedDemoData(app, database.db) : null
  await app.listen({ host: config.host, port: config.port })
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`
  console.log(`\nLoopQuiz is running at ${config.publicUrl} (database: ${where})`)
  console.log(`API docs: ${config.publicUrl}/api/docs`)
  if (demo) {
    console.log(`Demo account: ${demo.email} / ${demo.password}`)
    console.log(`Demo quiz:    ${demo.shareUrl}\n`)
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`\n${error.message}\n`)
  } else {
    console.error(error)
  }
  process.exit(1)
})
