import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

// axe-core reaches node_modules through lighthouse (bench); resolved, not bundled, so the page
// gets the same engine the accessibility audits use.
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
let axeSource: Promise<string> | undefined

/** One accessibility rule broken on the page, with the elements that break it. */
export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * The WCAG 2 A/AA violations axe-core finds on what the page shows now, within `selector`.
 * Evaluated over the DevTools protocol, so a Content-Security-Policy does not block it.
 */
export async function findAxeViolations(page: Page, selector = 'body'): Promise<AxeViolation[]> {
  axeSource ??= readFile(axePath, 'utf8')
  const source = await axeSource
  const isLoaded = await page.evaluate(() => 'axe' in window)
  if (!isLoaded) await page.evaluate(source)
  return page.evaluate(async (include) => {
    type AxeResult = {
      violations: {
        id: string
        impact: string | null
        help: string
        nodes: { target: unknown[] }[]
      }[]
    }
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResult> } })
      .axe
    const result = await axe.run(include, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
  }, selector)
}
