import { mkdir } from 'node:fs/promises'
import { endpoints } from '@loopquiz/contract'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, viewports } from './support/browser.ts'
import { bunnyLoop, bunnyQuestions, newPageIn, signIn } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const shotDir = '/tmp/shots-h4'

/** The screen as it is, at desktop and at phone width, then back to the page's own size. */
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

/** The host's panel on the host view. */
const hostPanel = (page: Page): Locator => page.getByRole('region', { name: 'Live game' })

describe('live sessions', () => {
  it('a host runs a live session from the lobby to the podium while a member answers; both screens follow without a reload', async () => {
    const host = await signUpByApi(baseUrl, 'Hana Host')
    const member = await signUpByApi(baseUrl, 'Ben Player')
    const group = await host.api(endpoints.createGroup, {
      body: {
        name: 'Quiz night',
        description: 'Friday games.',
        privacy: 'public',
        timezone: 'Europe/Berlin',
      },
    })
    await member.api(endpoints.joinByCode, { params: { code: group.joinCode ?? '' }, body: {} })
    // Two minutes a question: the host, not the clock, moves the game on in this test.
    const explained = bunnyQuestions.map((question) =>
      question.type === 'single'
        ? { ...question, explanation: 'Big Buck Bunny is a big rabbit.', timeLimitS: 120 }
        : { ...question, timeLimitS: 120 },
    )
    await host.api(endpoints.createLoop, { body: { ...bunnyLoop, questions: explained } })

    // The host starts an instant session in live mode, with speed scoring and shuffled answers.
    const a = await newPageIn(browser, 'desktop', 'Europe/Berlin', baseUrl)
    await signIn(a, host.email)
    await a.goto(`/groups/${group.id}/sessions`)
    await a.getByRole('button', { name: 'Start instant session', exact: true }).click()
    const dialog = a.getByRole('dialog', { name: 'Start an instant session' })
    await dialog.getByRole('radio', { name: /Big Buck Bunny/ }).check()
    await dialog.getByRole('radio', { name: /^Live/ }).check()
    await dialog.getByRole('radio', { name: /^Faster answers earn more/ }).waitFor()
    await expect(
      dialog.getByRole('checkbox', { name: 'Shuffle question order per participant' }).count(),
    ).resolves.toBe(0)
    await dialog.getByRole('checkbox', { name: 'Shuffle answer order per participant' }).check()
    await dialog.getByRole('button', { name: 'Start session now', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })

    const sessions = await host.api(endpoints.findSessions, {
      params: { groupId: group.id },
      query: {},
    })
    const session = sessions.items.find((each) => each.title === 'Big Buck Bunny')
    expect(session?.mode).toBe('live')
    expect(session?.options).toEqual({
      scoring: 'speed',
      shuffleOptions: true,
      shuffleQuestions: false,
    })
    const sessionId = session?.id ?? ''

    await a.goto(`/groups/${group.id}/sessions/${sessionId}/host`)
    const panel = hostPanel(a)
    await panel.getByText('Lobby', { exact: true }).waitFor()

    // The member opens the link and lands in the lobby; the host sees them arrive.
    const b = await newPageIn(browser, viewports.phone, 'Europe/Berlin', baseUrl)
    await signIn(b, member.email)
    await b.goto(session?.joinUrl ?? '')
    await b.getByRole('heading', { name: 'You’re in!' }).waitFor()
    await b.getByText('Waiting for the host to start…').waitFor()
    await b.getByRole('list', { name: 'Players in the lobby' }).getByText('Ben Player').waitFor()
    await panel
      .getByRole('list', { name: 'Players in the lobby' })
      .getByText('Ben Player')
      .waitFor()
    await panel.getByText('1 player has joined').waitFor()
    await expectNoAxeViolations(b, 'live lobby, participant')
    await shots(b, 'lobby')
    await shots(a, 'host-lobby')

    // The host starts: both see question 1 with a countdown.
    await panel.getByRole('button', { name: 'Start', exact: true }).click()
    const prompt = 'Which animal is the hero of the film?'
    await b.getByRole('heading', { name: prompt }).waitFor()
    await panel.getByRole('heading', { name: prompt }).waitFor()
    const countdown = b.getByRole('timer', { name: 'Time left', exact: true })
    await countdown.waitFor()
    const firstSeconds = Number(await countdown.textContent())
    expect(firstSeconds).toBeGreaterThan(0)
    expect(firstSeconds).toBeLessThanOrEqual(120)
    await panel.getByRole('timer', { name: 'Time left', exact: true }).waitFor()
    await panel.getByText('0 of 1 answered').waitFor()
    // The countdown runs on its own.
    await expect
      .poll(async () => Number(await countdown.textContent()), { timeout: 5_000 })
      .toBeLessThan(firstSeconds)
    await expectNoAxeViolations(b, 'live question, participant')
    await shots(b, 'question')

    // The member answers by keyboard; the host's count follows without a reload.
    const rabbit = b.getByRole('button', { name: /^A rabbit/ })
    await rabbit.focus()
    await b.keyboard.press('Enter')
    await b.getByText(/Answer locked in/).waitFor()
    await expect(rabbit.isDisabled()).resolves.toBe(true)
    await panel.getByText('1 of 1 answered').waitFor()
    await shots(a, 'host-question')
    await shots(b, 'question-locked-in')

    // The host ends the question early and reveals: the member sees the key and their points.
    await panel.getByRole('button', { name: 'End question now', exact: true }).click()
    await panel.getByRole('button', { name: 'Reveal answer', exact: true }).click()
    await panel.getByText('1 of 1 answered correctly.').waitFor()
    await panel.getByText('Big Buck Bunny is a big rabbit.').waitFor()
    await b.getByText(/^Correct! \+[\d,]+ points?/).waitFor()
    await b.getByText('Big Buck Bunny is a big rabbit.').waitFor()
    await expectNoAxeViolations(b, 'live question revealed, participant')
    await shots(b, 'revealed')
    await shots(a, 'host-revealed')

    // The leaderboard: the member is listed with their points, on both screens.
    await panel.getByRole('button', { name: 'Show leaderboard', exact: true }).click()
    const board = b.getByRole('list', { name: 'Leaderboard' })
    const memberRow = board.getByRole('listitem').filter({ hasText: 'Ben Player' })
    await memberRow.waitFor()
    const myRank = await b.getByText(/^You are 1st of 1 with [\d,]+ points/).textContent()
    const points = Number(myRank?.match(/with ([\d,]+) points/)?.[1]?.replaceAll(',', ''))
    expect(points).toBeGreaterThan(0)
    await memberRow.getByText(new Intl.NumberFormat('en-GB').format(points)).first().waitFor()
    await panel
      .getByRole('list', { name: 'Leaderboard' })
      .getByRole('listitem')
      .filter({ hasText: 'Ben Player' })
      .waitFor()
    await expectNoAxeViolations(b, 'live leaderboard, participant')
    await shots(b, 'leaderboard')
    await shots(a, 'host-leaderboard')

    // Question 2: a reload lands on the current question with the score intact.
    await panel.getByRole('button', { name: 'Next question', exact: true }).click()
    await b.getByRole('heading', { name: 'The film is animated.' }).waitFor()
    await b.reload()
    await b.getByRole('heading', { name: 'The film is animated.' }).waitFor()
    await b.getByText(`Score ${new Intl.NumberFormat('en-GB').format(points)}`).waitFor()
    await b.getByRole('button', { name: 'True', exact: true }).click()
    await b.getByText(/Answer locked in/).waitFor()
    await panel.getByText('1 of 1 answered').waitFor()

    // Paused, the countdown stands still; resumed, it runs again.
    await panel.getByRole('button', { name: 'Pause', exact: true }).click()
    await b.getByRole('timer', { name: 'Time left (paused)', exact: true }).waitFor()
    await panel.getByRole('button', { name: 'Resume', exact: true }).click()
    await b.getByRole('timer', { name: 'Time left', exact: true }).waitFor()

    // Finishing early asks first; keeping on playing changes nothing.
    await panel.getByRole('button', { name: 'Finish', exact: true }).click()
    const confirmFinish = panel.getByRole('region', { name: /^Finish the game now\?/ })
    await confirmFinish.getByRole('button', { name: 'Keep playing', exact: true }).click()
    await confirmFinish.waitFor({ state: 'hidden' })
    await b.getByRole('timer', { name: 'Time left', exact: true }).waitFor()

    // The last question ends on the podium for both.
    await panel.getByRole('button', { name: 'End question now', exact: true }).click()
    await panel.getByRole('button', { name: 'Reveal answer', exact: true }).click()
    await b.getByText(/^Correct! \+[\d,]+ points?/).waitFor()
    await panel.getByRole('button', { name: 'Show the podium', exact: true }).click()
    await b.getByRole('heading', { name: 'The podium' }).waitFor()
    await b.getByRole('list', { name: 'Podium' }).getByText('Ben Player').waitFor()
    await b.getByText(/^You finished 1st of 1 with/).waitFor()
    await panel.getByRole('list', { name: 'Podium' }).getByText('Ben Player').waitFor()
    await panel.getByText('The game is over; the results are final.').waitFor()
    await expectNoAxeViolations(b, 'live podium, participant')
    await shots(b, 'podium')
    await shots(a, 'host-podium')

    // The session is over: its results are final.
    const ended = await host.api(endpoints.getSession, { params: { groupId: group.id, sessionId } })
    expect(ended.status).toBe('completed')
  }, 240_000)

  it('an answer after the question closed is refused politely', async () => {
    const host = await signUpByApi(baseUrl, 'Lena Late')
    const member = await signUpByApi(baseUrl, 'Tom Tardy')
    const group = await host.api(endpoints.createGroup, {
      body: { name: 'Late club', description: '', privacy: 'public', timezone: 'Europe/Berlin' },
    })
    await member.api(endpoints.joinByCode, { params: { code: group.joinCode ?? '' }, body: {} })
    const session = await host.api(endpoints.createInstantSession, {
      params: { groupId: group.id },
      body: {
        mode: 'live',
        durationMinutes: 30,
        source: { kind: 'manual', loop: bunnyLoop, questions: bunnyQuestions },
      },
    })
    const params = { groupId: group.id, sessionId: session.id }

    const b = await newPageIn(browser, viewports.phone, 'Europe/Berlin', baseUrl)
    // The socket's server-to-client frames pass through here, so the lock can be held back:
    // the screen still shows the question open, as on a connection lagging behind the lock.
    let isHoldingLiveStates = false
    await b.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer()
      server.onMessage((message) => {
        if (isHoldingLiveStates && String(message).includes('"live:state"')) return
        ws.send(message)
      })
    })
    await signIn(b, member.email)
    await b.goto(session.joinUrl)
    await b.getByRole('heading', { name: 'You’re in!' }).waitFor()
    await host.api(endpoints.actOnLiveSession, { params, body: { action: 'start' } })
    await b.getByRole('heading', { name: 'Which animal is the hero of the film?' }).waitFor()

    isHoldingLiveStates = true
    await host.api(endpoints.actOnLiveSession, { params, body: { action: 'lock' } })
    await b.getByRole('button', { name: 'A bird', exact: true }).click()
    await b
      .getByText('Sorry, your answer arrived after the question closed, so it didn’t count.')
      .waitFor()
    const live = await member.api(endpoints.getLiveState, { params })
    expect(live.phase).toBe('locked')
    expect(live.answeredCount).toBe(0)
  })
})
