import { defineConfig } from 'vitest/config'

// The server's tests as Stryker runs them (see stryker.config.mjs): one project, no shared
// transform cache. MUTATION_SCOPE=domain runs only the pure rules' table tests, which is all the
// domain needs and takes seconds; otherwise every server test runs, on PGlite.
const domainOnly = process.env.MUTATION_SCOPE === 'domain'
// MUTATION_TESTS (comma-separated, relative to apps/server) narrows the tests further, for a
// run over part of a service against the tests written for it.
const onlyTests = process.env.MUTATION_TESTS?.split(',')

export default defineConfig({
  test: {
    name: 'server',
    root: './apps/server',
    include: onlyTests ?? (domainOnly ? ['src/domain/**/*.test.ts'] : ['src/**/*.test.ts']),
    globalSetup: domainOnly ? [] : ['./src/test/global-setup.ts'],
    // A mutant must never land in the transform cache that `npm test` reads.
    fsModuleCache: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
