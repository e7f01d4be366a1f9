import { execFileSync } from 'node:child_process'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ScenarioName, ScenarioResult } from './scenarios.ts'
import type { DatabaseKind, Settings } from './settings.ts'

export interface DatabaseResult {
  kind: DatabaseKind
  label: string
  scenarios: ScenarioResult[]
}

export interface Report {
  timestamp: string
  node: string
  cpus: number
  cpuModel: string
  platform: string
  /** Commit the server code was at; `dirty` when the work tree had changes. */
  commit: string | null
  settings: Pick<Settings, 'connections' | 'durationS' | 'warmupS'>
  /** False when any request failed: the figures then measure errors, not the API. */
  valid: boolean
  databases: Partial<Record<DatabaseKind, DatabaseReport>>
}

export interface DatabaseReport {
  label: string
  scenarios: Partial<Record<ScenarioName, ScenarioResult>>
}

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url))

const SCENARIO_LABELS: Record<ScenarioName, string> = {
  getQuestionSet: 'GET  /api/questions/:token',
  submitAnswer: 'POST /api/attempts/:attemptId/answers',
  replayAnswer: 'POST /api/attempts/:attemptId/answers (replay)',
}

export function buildReport(settings: Settings, results: DatabaseResult[]): Report {
  const databases: Report['databases'] = {}
  for (const result of results) {
    const scenarios: DatabaseReport['scenarios'] = {}
    for (const scenario of result.scenarios) scenarios[scenario.name] = scenario
    databases[result.kind] = { label: result.label, scenarios }
  }
  return {
    timestamp: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    platform: `${process.platform} ${process.arch}`,
    commit: currentCommit(),
    settings: {
      connections: settings.connections,
      durationS: settings.durationS,
      warmupS: settings.warmupS,
    },
    valid: results.every((r) => r.scenarios.every(isClean)),
    databases,
  }
}

export function isClean(result: ScenarioResult): boolean {
  return result.non2xx === 0 && result.errors === 0 && result.timeouts === 0
}

/** Writes through a temporary file so a reader never sees half a report. */
export async function writeReport(file: string, report: object): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.tmp`
  await writeFile(temporary, `${JSON.stringify(report, null, 2)}\n`)
  await rename(temporary, file)
}

export function formatTable(report: Report, results: DatabaseResult[]): string {
  const header = [
    'Database',
    'Scenario',
    'req/s',
    'p50 ms',
    'p99 ms',
    'requests',
    'non-2xx',
    'errors',
  ]
  const rows = results.flatMap((database) =>
    database.scenarios.map((s) => [
      database.label,
      SCENARIO_LABELS[s.name],
      s.requestsPerSecond.toFixed(1),
      String(s.latencyMs.p50),
      String(s.latencyMs.p99),
      String(s.requests),
      String(s.non2xx),
      String(s.errors + s.timeouts),
    ]),
  )
  const { connections, durationS, warmupS } = report.settings
  const title =
    `LoopQuiz API benchmark: ${connections} connections, ${durationS} s per scenario ` +
    `after ${warmupS} s warm-up (Node ${report.node}, ${report.cpus} CPUs, ${report.cpuModel})`
  const notes = results.flatMap((database) =>
    database.scenarios
      .filter((s) => s.note)
      .map((s) => `  ${database.label} ${SCENARIO_LABELS[s.name]}: ${s.note}`),
  )
  return [title, '', ...alignColumns([header, ...rows]), ...(notes.length ? ['', ...notes] : [])]
    .join('\n')
    .concat('\n')
}

/** Text columns left-aligned, numbers right-aligned, so figures line up by digit. */
function alignColumns(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  )
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const width = widths?.[column] ?? 0
        return column < 2 ? cell.padEnd(width) : cell.padStart(width)
      })
      .join('  ')
      .trimEnd(),
  )
}

/** The commit the work tree is at, with `-dirty` when it has changes. */
export function currentCommit(): string | null {
  try {
    const run = (args: string[]) =>
      execFileSync('git', args, { cwd: BENCH_DIR, encoding: 'utf8' }).trim()
    const commit = run(['rev-parse', '--short', 'HEAD'])
    return run(['status', '--porcelain']) === '' ? commit : `${commit}-dirty`
  } catch {
    // Not a git checkout (e.g. an unpacked archive): the report is still useful without it.
    return null
  }
}
