import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { viewports } from './browser.ts'

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
  /** Per element: its opening HTML and what axe-core says is wrong with it. */
  details: string[]
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
        nodes: { target: unknown[]; html: string; failureSummary?: string }[]
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
      details: violation.nodes.map(
        (node) =>
          `${node.html.slice(0, 160)}\n        ${node.failureSummary?.replace(/\s+/g, ' ')}`,
      ),
    }))
  }, selector)
}

/** Waits for the layout after a resize and for finite animations (a dialog's pop-in) to end. */
async function settle(page: Page) {
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)))
  })
}

/** One line per broken rule: what it is and where, so a failure reads without a diff. */
function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `  ${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n` +
        violation.targets
          .map((target, index) => `      at ${target}: ${violation.details[index]}`)
          .join('\n'),
    )
    .join('\n')
}

/**
 * Asserts that what the page shows now has no WCAG 2 A/AA violations at desktop width and at
 * phone width (375×740), then gives the page back its own viewport. Soft: a finding fails the
 * test, yet the journey goes on, so one run names every page with findings. `label` says which
 * page and state (e.g. "quiz: feedback") in the failure.
 */
export async function expectNoAxeViolations(page: Page, label: string, selector = 'body') {
  const own = page.viewportSize()
  for (const [name, size] of Object.entries(viewports)) {
    await page.setViewportSize(size)
    await settle(page)
    const violations = await findAxeViolations(page, selector)
    expect
      .soft(violations, `${label}, at ${name} width:\n${describeViolations(violations)}`)
      .toEqual([])
  }
  if (own) {
    await page.setViewportSize(own)
    await settle(page)
  }
}
