import { mkdir } from 'node:fs/promises'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, viewports } from './support/browser.ts'
import { manualSource, newPageIn, signIn } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const shotDir = '/tmp/shots-h3'

/** The page at desktop and at phone width (full page, from the top), then back to its size. */
async function shots(page: Page, name: string) {
  await mkdir(shotDir, { recursive: true })
  const own = page.viewportSize()
  for (const [label, size] of Object.entries(viewports)) {
    await page.setViewportSize(size)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${shotDir}/${name}-${label}.png`, fullPage: true })
  }
  if (own) await page.setViewportSize(own)
}

describe('real time', () => {
  it('the host dashboard shows a member arrive, answer and move on, and the answer bars grow, without a reload; the projector shows the QR code and the short code, which leads to the session at /join', async () => {
    const host = await signUpByApi(baseUrl, 'Hana Host')
    const member = await signUpByApi(baseUrl, 'Ben Member')
    const group = await host.api(endpoints.createGroup, {
      body: { name: 'Film club', description: '', privacy: 'public', timezone: 'Europe/Paris' },
    })
    await member.api(endpoints.joinByCode, { params: { code: group.joinCode ?? '' }, body: {} })
    const session = await host.api(endpoints.createInstantSession, {
      params: { groupId: group.id },
      body: { title: 'Bunny sprint', durationMinutes: 60, source: manualSource },
    })
    const joinUrl = new URL(session.joinUrl)
    const hostPath = `/groups/${group.id}/sessions/${session.id}/host`

    // The host opens the dashboard: pushes arrive, and nobody has joined yet.
    const a = await newPageIn(browser, 'desktop', 'Europe/Paris', baseUrl)
    await signIn(a, host.email)
    // From the session's page, by its link: leaving one page's watch for the next must not hold
    // the next one up.
    await a.goto(`/groups/${group.id}/sessions/${session.id}`)
    await a.getByRole('link', { name: 'Host view' }).click()
    await a.waitForURL(`**${hostPath}`)
    await a.getByRole('heading', { name: 'Bunny sprint' }).waitFor()
    const participantsSection = a.getByRole('region', { name: 'Participants' })
    // Connected: pushes arrive, the page says so once.
    await a
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor()
    await participantsSection.getByText('Nobody has joined yet').waitFor()
    const answers = a.getByRole('region', { name: 'Answers' })
    const rabbitBar = answers
      .getByRole('list', { name: /Which animal is the hero/ })
      .getByRole('listitem')
      .filter({ hasText: 'A rabbit' })
    await rabbitBar.getByText('0', { exact: true }).waitFor()

    // The member opens the session's quiz page: the host sees them arrive, online.
    const b = await newPageIn(browser, 'phone', 'Europe/Paris', baseUrl)
    await signIn(b, member.email)
    await b.goto(`${joinUrl.pathname}${joinUrl.search}`)
    await b.getByRole('button', { name: 'Start quiz' }).waitFor()
    const benRow = a
      .getByRole('list', { name: 'Participants' })
      .getByRole('listitem')
      .filter({ hasText: 'Ben Member' })
    await benRow.getByText('Ben Member, online').waitFor()
    await benRow.getByText('Here, not started yet').waitFor()

    // They start and answer: progress, score and the bars follow on the host's screen.
    await b.getByRole('button', { name: 'Start quiz' }).click()
    await benRow.getByText('Answering question 1 of 2').waitFor()
    await b.getByRole('button', { name: 'A rabbit' }).click()
    await b.getByText('Correct!').waitFor()
    await benRow.getByText('1/2 answered').waitFor()
    await benRow.getByText('Answering question 2 of 2').waitFor()
    await rabbitBar.getByText('1', { exact: true }).waitFor()
    await answers.getByText('1 answer · 1 correct').waitFor()
    await expectNoAxeViolations(a, 'host dashboard, a member answering')
    await shots(a, 'host-dashboard')

    // Leaving the quiz page takes the member offline on the host's screen.
    await b.goto('/')
    await benRow.getByText('Ben Member, not online').waitFor()

    // The projector view: the join link as a QR code, the short code in big letters, who is in.
    expect(session.joinCode).toMatch(/^[2-9A-Z]{6}$/)
    const present = await newPageIn(browser, 'desktop', 'Europe/Paris', baseUrl)
    await signIn(present, host.email)
    await present.goto(`/groups/${group.id}/sessions/${session.id}/present`)
    const qr = present.getByRole('img', { name: 'QR code of the session’s join link' })
    await qr.locator('svg').waitFor()
    const spaced = `${session.joinCode.slice(0, 3)} ${session.joinCode.slice(3)}`
    await present.getByText(spaced, { exact: true }).waitFor()
    await present.getByText('1 person in').waitFor()
    await present
      .getByRole('list', { name: 'People in the session' })
      .getByText('Ben Member')
      .waitFor()
    await expectNoAxeViolations(present, 'projector view')
    await shots(present, 'projector')

    // A code nobody has says so; the right one, typed as shown, lands on the session.
    await b.goto('/')
    await b.getByRole('link', { name: 'Join with a code' }).click()
    await b.waitForURL('**/join')
    await b.getByLabel('Session code').fill('ZZZ ZZZ')
    await b.getByRole('button', { name: 'Join' }).click()
    await b
      .getByRole('alert')
      .getByText(/No session of your groups has the code/)
      .waitFor()
    await expectNoAxeViolations(b, 'join with a code, unknown code')
    await b.getByLabel('Session code').fill(spaced.toLowerCase())
    await b.getByRole('button', { name: 'Join' }).click()
    await b.waitForURL((url) => url.searchParams.get('sessionId') === session.id)
    await b.getByRole('region', { name: 'Group session' }).getByText('Bunny sprint').waitFor()

    // The QR code's link (/join/CODE) goes straight there too.
    await b.goto('/')
    await b.goto(`/join/${session.joinCode}`)
    await b.waitForURL((url) => url.searchParams.get('sessionId') === session.id)
  })
})
