// The whole suite, as CI runs it: unit and integration tests on PGlite, the
// integration tests again on PostgreSQL when TEST_DATABASE_URL is set, then the
// browser tests against the built app in headless Chromium.
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
  ['run', '--project', 'contract', '--project', 'web', '--project', 'server'],
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

run('Build the web app', 'npm', ['run', 'build', '-w', 'apps/web'])
run('Browser tests in headless Chromium', 'vitest', ['run', '--project', 'e2e'])
