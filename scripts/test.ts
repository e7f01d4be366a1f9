// The whole suite, as CI runs it: unit and integration tests on PGlite, the
// integration tests again on PostgreSQL when TEST_DATABASE_URL is set, then the
// browser tests against the built app in headless Chromium, on PostgreSQL when
// TEST_DATABASE_URL is set and on PGlite otherwise.
import { spawnSync } from 'node:child_process'

function run(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n▶ ${title}\n`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`)
    process.exit(result.status ?? 1)
  }
}

run(
  'Unit and integration tests on PGlite',
  'vitest',
  [
    'run',
    '--project',
    'contract',
    '--project',
    'editor',
    '--project',
    'web',
    '--project',
    'server',
  ],
  {
    TEST_DB_DRIVER: 'pglite',
  },
)

if (process.env.TEST_DATABASE_URL) {
  run('Integration tests on PostgreSQL', 'vitest', ['run', '--project', 'server'], {
    TEST_DB_DRIVER: 'postgres',
  })
} else {
  console.log('\n(TEST_DATABASE_URL is not set: skipping the PostgreSQL pass)')
}

// Two real server processes on one PostgreSQL database and one Redis (fan-out, presence across
// nodes, the scheduler once): it needs both services, which CI has.
if (process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL) {
  run('Two server nodes on PostgreSQL and Redis', 'vitest', ['run', '--project', 'multinode'], {
    TEST_DB_DRIVER: 'postgres',
  })
} else {
  const missing = ['TEST_DATABASE_URL', 'TEST_REDIS_URL'].filter((name) => !process.env[name])
  console.log(`\n(${missing.join(' and ')} not set: skipping the two-node tests)`)
}

run('Build the web app', 'npm', ['run', 'build', '-w', 'apps/web'])
// One browser pass, not one per database: the suite takes minutes, and what differs between
// the databases (queries, transactions, locking, migrations) is covered by the integration
// suite and by server.test.ts on both. CI has PostgreSQL, the database of real deployments
// with a connection pool, so its browser pass runs there; a developer without it (most runs
// of `npm test`) exercises the embedded PGlite that `npm start` uses by default.
if (process.env.TEST_DATABASE_URL) {
  run('Browser tests in headless Chromium, on PostgreSQL', 'vitest', ['run', '--project', 'e2e'], {
    TEST_DB_DRIVER: 'postgres',
  })
} else {
  run('Browser tests in headless Chromium, on PGlite', 'vitest', ['run', '--project', 'e2e'], {
    TEST_DB_DRIVER: 'pglite',
  })
}
