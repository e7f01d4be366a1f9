/**
 * Web benchmark: builds the web app, starts the real server on PGlite with the demo data,
 * audits three pages with Lighthouse (mobile) and writes bench/results/web.json.
 * Run with `npm run bench:web`; see bench/README.md.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanUpOnSignals, deferCleanup } from './lib/cleanup.ts'
import { createTarget } from './lib/databases.ts'
import { auditPage, CATEGORIES, CHROME_PATH, type PageRun } from './lib/lighthouse.ts'
import { currentCommit, writeReport } from './lib/report.ts'
import { type RunningServer, startServer } from './lib/server.ts'
import { parseNumber } from './lib/settings.ts'

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url))
const RESULTS_FILE = fileURLToPath(new URL('./results/web.json', import.meta.url))
// The account and password the server's demo data creates.
const DEMO_ACCOUNT = { email: 'demo@loopquiz.dev', password: 'loopquiz-demo' }
const DEMO_LINK_TIMEOUT_MS = 10_000
const MAX_ATTEMPTS = 3

type PageName = 'landing' | 'guestQuiz' | 'dashboard'

interface Page {
  name: PageName
  label: string
  path: string
  headers: Record<string, string>
}

/** The median of each figure over the runs, each figure on its own. */
type PageSummary = Omit<PageRun, 'warnings' | 'failedAudits'>

async function main() {
  cleanUpOnSignals()
  const runs = parseNumber('BENCH_WEB_RUNS', process.env.BENCH_WEB_RUNS, 3, 1, 9)
  const reportDir = process.env.BENCH_WEB_REPORT_DIR
  if (reportDir) await mkdir(reportDir, { recursive: true })
  // Its own build directory: another build of apps/web/dist during the run (a developer,
  // the e2e tests) would otherwise swap the hashed files the server knows under it.
  const distDir = await mkdtemp(path.join(tmpdir(), 'loopquiz-bench-web-'))
  const removeDist = deferCleanup(() => rm(distDir, { recursive: true, force: true }))
  progress('Building the web app')
  buildWebApp(distDir)

  const target = await createTarget('pglite', '')
  const dispose = deferCleanup(() => target.dispose())
  progress('Starting the server on PGlite with the demo data')
  const server = await startServer({ ...target.env, DEMO_DATA: 'true', WEB_DIST_DIR: distDir })
  const stop = deferCleanup(() => server.stop())
  const results = new Map<PageName, PageRun[]>()
  let pages: Page[] = []
  try {
    pages = await preparePages(server)
    // Round by round rather than page by page, so a busy spell on the machine spreads
    // over all pages instead of spoiling one.
    for (let round = 1; round <= runs; round++) {
      for (const page of pages) {
        progress(`Run ${round}/${runs}: ${page.label} (${page.path})`)
        const reportFile = reportDir
          ? path.join(reportDir, `${page.name}-${round}.json`)
          : undefined
        const run = await auditWithRetries(
          `${server.baseUrl}${page.path}`,
          page.headers,
          reportFile,
        )
        for (const warning of run.warnings) progress(`  Lighthouse: ${warning}`)
        if (run.failedAudits.length > 0) progress(`  failed: ${run.failedAudits.join(', ')}`)
        results.set(page.name, [...(results.get(page.name) ?? []), run])
      }
    }
  } catch (error) {
    throw new Error(`${(error as Error).message}\nServer output:\n${server.recentOutput()}`)
  } finally {
    await stop()
    await dispose()
    await removeDist()
  }

  const summaries = pages.map((page) => ({
    page,
    median: summarize(results.get(page.name) ?? []),
  }))
  await writeReport(RESULTS_FILE, {
    timestamp: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    commit: currentCommit(),
    // Other work on the machine slows Chromium and so inflates the simulated timings.
    loadAverage: loadavg(),
    lighthouse: packageVersion('lighthouse'),
    chromium: chromiumVersion(),
    preset: 'Lighthouse default: mobile, simulated slow 4G, 4x CPU slowdown',
    runs,
    pages: Object.fromEntries(
      summaries.map(({ page, median }) => [
        page.name,
        { path: page.path, median, runs: results.get(page.name) ?? [] },
      ]),
    ),
  })
  process.stdout.write(`\n${formatTable(summaries, runs)}`)
  progress(`Wrote ${path.relative(process.cwd(), RESULTS_FILE)}`)
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART) on a busy machine. */
async function auditWithRetries(
  url: string,
  headers: Record<string, string>,
  reportFile: string | undefined,
): Promise<PageRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditPage(url, headers, reportFile)
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) throw error
      progress(`  ${(error as Error).message}: trying again`)
    }
  }
}

function buildWebApp(outDir: string) {
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web', '--', '--outDir', outDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error(`The web build failed (exit ${build.status})`)
}

/** The landing page and a guest quiz link as a visitor sees them; the dashboard signed in. */
async function preparePages(server: RunningServer): Promise<Page[]> {
  const quizPath = await demoQuizPath(server)
  const cookie = await signIn(server.baseUrl)
  return [
    { name: 'landing', label: 'landing', path: '/', headers: {} },
    { name: 'guestQuiz', label: 'guest quiz', path: quizPath, headers: {} },
    { name: 'dashboard', label: 'dashboard', path: '/', headers: { cookie } },
  ]
}

/** The server prints the demo quiz link right after it starts listening. */
async function demoQuizPath(server: RunningServer): Promise<string> {
  const deadline = Date.now() + DEMO_LINK_TIMEOUT_MS
  while (Date.now() < deadline) {
    const link = server.recentOutput().match(/Demo quiz:\s+(\S+)/)?.[1]
    if (link) return new URL(link).pathname
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('The server printed no demo quiz link')
}

/** Signs in the demo account; Lighthouse then sends its session cookie with every request. */
async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Better Auth rejects requests whose Origin is not the server's public URL.
      origin: `http://localhost:${new URL(baseUrl).port}`,
    },
    body: JSON.stringify(DEMO_ACCOUNT),
  })
  if (!response.ok) {
    throw new Error(`Sign-in failed: ${response.status} ${await response.text()}`)
  }
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0])
  if (cookies.length === 0) throw new Error('Sign-in set no cookie')
  return cookies.join('; ')
}

function summarize(runs: PageRun[]): PageSummary {
  const medianOf = (pick: (run: PageRun) => number) => median(runs.map(pick))
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((id) => [id, medianOf((run) => run.scores[id])]),
    ) as PageSummary['scores'],
    firstContentfulPaintMs: medianOf((run) => run.firstContentfulPaintMs),
    largestContentfulPaintMs: medianOf((run) => run.largestContentfulPaintMs),
    totalBlockingTimeMs: medianOf((run) => run.totalBlockingTimeMs),
    scriptTransferBytes: medianOf((run) => run.scriptTransferBytes),
    benchmarkIndex: medianOf((run) => run.benchmarkIndex),
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const upper = sorted[middle] ?? 0
  return sorted.length % 2 === 1 ? upper : Math.round(((sorted[middle - 1] ?? 0) + upper) / 2)
}

function formatTable(summaries: { page: Page; median: PageSummary }[], runs: number): string {
  const header = [
    'Page',
    'perf',
    'a11y',
    'best pr.',
    'SEO',
    'FCP s',
    'LCP s',
    'TBT ms',
    'JS KiB',
    'CPU index',
  ]
  const rows = summaries.map(({ page, median: m }) => [
    page.label,
    String(m.scores.performance),
    String(m.scores.accessibility),
    String(m.scores['best-practices']),
    String(m.scores.seo),
    (m.firstContentfulPaintMs / 1000).toFixed(1),
    (m.largestContentfulPaintMs / 1000).toFixed(1),
    String(m.totalBlockingTimeMs),
    (m.scriptTransferBytes / 1024).toFixed(1),
    String(m.benchmarkIndex),
  ])
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => row[column]?.length ?? 0)),
  )
  const lines = [header, ...rows].map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  '),
  )
  const notes = [
    'CPU index: Lighthouse benchmarkIndex of the machine during the runs (higher is faster);',
    `load average at the end: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')} on ${availableParallelism()} CPUs.`,
  ]
  return [
    `LoopQuiz web benchmark: Lighthouse mobile, median of ${runs} runs`,
    '',
    ...lines,
    '',
    ...notes,
  ]
    .join('\n')
    .concat('\n')
}

function packageVersion(name: string): string {
  const file = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url))
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

function chromiumVersion(): string {
  const run = spawnSync(CHROME_PATH, ['--version'], { encoding: 'utf8' })
  return run.stdout.trim() || 'unknown'
}

function progress(message: string) {
  process.stderr.write(`${message}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
