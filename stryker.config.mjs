// @ts-check
// Mutation testing of the server's rules: `npm run test:mutation`. Too slow for `npm test` and
// CI. MUTATION_SCOPE picks what is mutated: `domain` (apps/server/src/domain, against its table
// tests: minutes), `services` (the modules' services and session operations, against every
// server test: hours), or both when unset. Reports go to reports/mutation/.
const scope = process.env.MUTATION_SCOPE ?? 'all'

const domain = ['apps/server/src/domain/**/*.ts']
const services = [
  'apps/server/src/modules/**/*.service.ts',
  // The session operations split out of sessions.service.ts, one concern per file.
  'apps/server/src/modules/sessions/*.ts',
  '!apps/server/src/modules/sessions/sessions.{repository,routes,jobs,events}.ts',
]
const notTests = ['!**/*.test.ts']

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    ...(scope === 'services' ? [] : domain),
    ...(scope === 'domain' ? [] : services),
    ...notTests,
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would each need a full rerun of every test.
  ignoreStatic: true,
  // Two cores shared with everything else: one test process at a time.
  concurrency: 1,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${scope}.html` },
  jsonReporter: { fileName: `reports/mutation/${scope}.json` },
  // One sandbox per scope, so that two runs can go side by side.
  tempDirName: `.stryker-tmp/${scope}`,
  cleanTempDir: 'always',
}

export default config
