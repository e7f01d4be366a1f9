/**
 * API benchmark: starts the real server on PGlite and on PostgreSQL, prepares data through
 * the API, loads two hot endpoints with autocannon and writes bench/results/api.json.
 * Run with `npm run bench:api`; see bench/README.md.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanUpOnSignals, deferCleanup } from './lib/cleanup.ts'
import { createTarget } from './lib/databases.ts'
import { createFixture, verifyAnswersStored } from './lib/fixture.ts'
import { buildReport, type DatabaseResult, formatTable, writeReport } from './lib/report.ts'
import {
  measureGetQuestionSet,
  measureReplayAnswer,
  measureSubmitAnswer,
  type ScenarioResult,
} from './lib/scenarios.ts'
import { startServer } from './lib/server.ts'
import { type DatabaseKind, loadSettings, type Settings } from './lib/settings.ts'

const RESULTS_FILE = fileURLToPath(new URL('./results/api.json', import.meta.url))
const startedAt = performance.now()

async function main() {
  cleanUpOnSignals()
  const settings = loadSettings(process.env)
  const results: DatabaseResult[] = []
  for (const kind of settings.databases) results.push(await benchDatabase(kind, settings))
  const report = buildReport(settings, results)
  await writeReport(RESULTS_FILE, report)
  process.stdout.write(`\n${formatTable(report, results)}`)
  progress(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}`)
  if (!report.valid) {
    // Failed requests are usually fast rejections: their rate says nothing about the API.
    progress('Some requests failed (non-2xx or errors): these figures are not valid.')
    process.exitCode = 1
  }
}

/** One fresh database and one server process for it, both removed afterwards. */
async function benchDatabase(kind: DatabaseKind, settings: Settings): Promise<DatabaseResult> {
  const target = await createTarget(kind, settings.postgresAdminUrl)
  const dispose = deferCleanup(() => target.dispose())
  try {
    progress(`${target.label}: starting the server`)
    const server = await startServer(target.env)
    const stop = deferCleanup(() => server.stop())
    try {
      return {
        kind,
        label: target.label,
        scenarios: await runScenarios(target.label, server.baseUrl, settings),
      }
    } catch (error) {
      throw new Error(
        `${target.label}: ${(error as Error).message}\nServer output:\n${server.recentOutput()}`,
      )
    } finally {
      await stop()
    }
  } finally {
    await dispose()
  }
}

async function runScenarios(
  label: string,
  baseUrl: string,
  settings: Settings,
): Promise<ScenarioResult[]> {
  progress(`${label}: signing up, sharing a question set`)
  const fixture = await createFixture(baseUrl)
  progress(`${label}: GET question set`)
  const read = await measureGetQuestionSet(baseUrl, fixture, settings)
  progress(`${label}: submit answers (starting attempts first)`)
  // The read rate bounds the write rate, so it sizes the pool of distinct answers.
  const submit = await measureSubmitAnswer(baseUrl, fixture, settings, read.requestsPerSecond)
  progress(`${label}: checking that every accepted answer is stored`)
  await verifyAnswersStored(baseUrl, submit.answered)
  progress(`${label}: replay answers`)
  const replay = await measureReplayAnswer(baseUrl, submit.answered, settings)
  return [read, submit.result, replay]
}

function progress(message: string) {
  // Elapsed time shows where the run's time budget goes (startup, setup or load).
  const elapsedS = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(5)
  process.stderr.write(`[bench ${elapsedS} s] ${message}\n`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
