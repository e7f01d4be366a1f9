import { writeFile } from 'node:fs/promises'
import { launch } from 'chrome-launcher'
import lighthouse from 'lighthouse'

/** Debian's Chromium, as the e2e tests use; Lighthouse brings no browser of its own. */
export const CHROME_PATH = '/usr/bin/chromium'

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]

/** One Lighthouse run of one page: category scores 0–100, timings in ms, script bytes. */
export interface PageRun {
  scores: Record<Category, number>
  firstContentfulPaintMs: number
  largestContentfulPaintMs: number
  totalBlockingTimeMs: number
  /** Bytes of JavaScript sent over the network, as compressed on the wire. */
  scriptTransferBytes: number
  /**
   * Lighthouse's measure of how fast this machine ran a fixed task at the start of the run
   * (higher is faster; a desktop of 2024 scores 1,500–2,500). Simulated timings scale CPU
   * time observed here, so a busy machine inflates TBT and LCP: this says how busy it was.
   */
  benchmarkIndex: number
  /** Audits that failed in the categories other than performance: why a score is below 100. */
  failedAudits: string[]
  /** Warnings Lighthouse raised, e.g. a page that kept loading past its limit. */
  warnings: string[]
}

/**
 * Third-party video hosts. This machine reaches no internet, so their requests would fail
 * with console errors that say nothing about the app; blocked by Lighthouse they are
 * ignored by its console audit and left out of the timings. On a phone online, the quiz
 * page's thumbnail adds one image from i.ytimg.com on top of what is measured here.
 */
const BLOCKED_URL_PATTERNS = ['*.ytimg.com', '*.youtube.com', '*.youtube-nocookie.com']

/**
 * Audits one page in a fresh headless Chromium with Lighthouse's default (mobile) settings:
 * a Moto G Power-sized screen, simulated slow 4G and a 4× slower CPU. With `reportFile`,
 * Lighthouse's whole JSON report goes there too: the audits behind a score (render-blocking
 * requests, request chains, unused JavaScript, main-thread work) are only in it.
 */
export async function auditPage(
  url: string,
  headers: Record<string, string>,
  reportFile?: string,
): Promise<PageRun> {
  const chrome = await launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox'],
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      extraHeaders: headers,
      blockedUrlPatterns: BLOCKED_URL_PATTERNS,
    })
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`)
    const { lhr } = result
    if (reportFile) await writeFile(reportFile, JSON.stringify(lhr, null, 2))
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message} (${url})`)
    const scores = Object.fromEntries(
      CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
    ) as Record<Category, number>
    return {
      scores,
      firstContentfulPaintMs: metric(lhr.audits, 'first-contentful-paint'),
      largestContentfulPaintMs: metric(lhr.audits, 'largest-contentful-paint'),
      totalBlockingTimeMs: metric(lhr.audits, 'total-blocking-time'),
      scriptTransferBytes: scriptBytes(lhr.audits),
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
      failedAudits: failedAudits(lhr),
      warnings: lhr.runWarnings,
    }
  } finally {
    chrome.kill()
  }
}

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr']
type Audits = Result['audits']

function failedAudits(lhr: Result): string[] {
  const ids = CATEGORIES.filter((id) => id !== 'performance').flatMap(
    (id) => lhr.categories[id]?.auditRefs.map((ref) => ref.id) ?? [],
  )
  return ids.filter((id) => {
    const score = lhr.audits[id]?.score
    return typeof score === 'number' && score < 1
  })
}

function metric(audits: Audits, id: string): number {
  const value = audits[id]?.numericValue
  if (value === undefined) throw new Error(`Lighthouse measured no ${id}`)
  return Math.round(value)
}

/** Sums the scripts of the page's network log: what a visitor's phone downloads. */
function scriptBytes(audits: Audits): number {
  const details = audits['network-requests']?.details
  if (details?.type !== 'table') throw new Error('Lighthouse returned no network requests')
  let total = 0
  for (const item of details.items) {
    if (item.resourceType === 'Script' && typeof item.transferSize === 'number') {
      total += item.transferSize
    }
  }
  return total
}
