import { endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { verifyEmailByMail } from './support/mail.ts'
import { manualSource, signIn } from './support/sessions.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports.desktop, baseURL: baseUrl })
  return context.newPage()
}

/** A full-page screenshot from the top, at desktop and at phone width. */
async function shots(page: Page, name: string) {
  for (const [width, size] of Object.entries(viewports)) {
    await page.setViewportSize(size)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, `${name}-${width}`)
  }
  await page.setViewportSize(viewports.desktop)
}

/**
 * A private group whose members may schedule sessions that then wait for approval, with its
 * owner and one member (let in by invitation), all through the API.
 */
async function setUpGroup() {
  const owner = await signUpByApi(baseUrl, 'Olivia Owner')
  const member = await signUpByApi(baseUrl, 'Sam Scheduler')
  const group = await owner.api(endpoints.createGroup, {
    body: {
      name: 'Study circle',
      privacy: 'private',
      timezone: 'Europe/Paris',
      settings: {
        session_creation_permission: 'all_members',
        instant_session_permission: 'all_members',
        session_approval_required: true,
        advance_notice_hours: 0,
      },
    },
  })
  const invitation = await owner.api(endpoints.createInvitation, {
    params: { groupId: group.id },
    body: { email: member.email },
  })
  const token = new URL(invitation.url).pathname.split('/').pop() ?? ''
  // Accepting an invitation needs a confirmed address.
  await verifyEmailByMail(baseUrl, member.email)
  await member.api(endpoints.acceptInvitation, { params: { token } })
  return { owner, member, group, joinCode: group.joinCode ?? '' }
}

describe('owner and admin to-dos', () => {
  it('join requests and a session waiting for approval show as counts on the tabs, in the overview card and on the dashboard, and clear as the owner decides them; a requester sees their request on /groups and another withdraws theirs', async () => {
    const { owner, member, group, joinCode } = await setUpGroup()
    const session = await member.api(endpoints.scheduleSession, {
      params: { groupId: group.id },
      body: {
        title: 'Chapter 3 review',
        scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        source: manualSource,
      },
    })
    expect(session.status).toBe('pending_approval')

    // Rita asks to join on the join page, then finds her request waiting on /groups.
    const rita = await signUpByApi(baseUrl, 'Rita Requester')
    const r = await newPage()
    await signIn(r, rita.email)
    await r.goto(`/groups/join/${joinCode}`)
    await r.getByLabel(/Message to the group/).fill('Hi, I am in the Tuesday class.')
    await r.getByRole('button', { name: 'Ask to join' }).click()
    await r.getByText('Your request to join is waiting for approval.').waitFor()
    await r.getByRole('link', { name: 'Back to my groups' }).click()
    const ritaWaiting = r.getByRole('region', { name: 'Waiting for approval' })
    const ritaRequest = ritaWaiting.getByRole('listitem')
    await ritaRequest.filter({ hasText: 'Study circle' }).waitFor()
    await expect(ritaRequest.textContent()).resolves.toMatch(/^Study circle, requested /)
    await expectNoAxeViolations(r, 'groups, a request waiting')
    await shots(r, 'groups-request-waiting')

    // Walter asks too, then withdraws on /groups.
    const walter = await signUpByApi(baseUrl, 'Walter Withdrawer')
    await walter.api(endpoints.joinByCode, { params: { code: joinCode }, body: {} })
    const w = await newPage()
    await signIn(w, walter.email)
    await w.goto('/groups')
    const walterWaiting = w.getByRole('region', { name: 'Waiting for approval' })
    await walterWaiting
      .getByRole('button', { name: 'Withdraw (request to join Study circle)' })
      .click()
    await walterWaiting.waitFor({ state: 'detached' })
    await w.reload()
    await w.getByRole('heading', { name: 'Groups', level: 1 }).waitFor()
    await w.getByText('No groups yet').waitFor()
    await expect(walterWaiting.count()).resolves.toBe(0)
    const pending = await owner.api(endpoints.findJoinRequests, { params: { groupId: group.id } })
    expect(pending.items.map((request) => request.name)).toEqual(['Rita Requester'])

    // The member who scheduled sees no counts: they are for owners and admins.
    const m = await newPage()
    await signIn(m, member.email)
    await expect(m.getByRole('region', { name: 'Needs your attention' }).count()).resolves.toBe(0)
    await m.goto(`/groups/${group.id}`)
    await m.getByRole('region', { name: 'About this group' }).waitFor()
    await expect(m.getByRole('tab').allTextContents()).resolves.toEqual([
      'Overview',
      'Sessions',
      'Members',
    ])
    await expect(m.getByRole('region', { name: 'Needs your attention' }).count()).resolves.toBe(0)

    // The owner's dashboard: one line for the group.
    const o = await newPage()
    await signIn(o, owner.email)
    const dashboardCard = o.getByRole('region', { name: 'Needs your attention' })
    await dashboardCard.getByRole('listitem').waitFor()
    await expect(dashboardCard.getByRole('listitem').textContent()).resolves.toBe(
      'Study circle: 1 join request, 1 session to approve',
    )
    await expectNoAxeViolations(o, 'dashboard, with to-dos')
    await shots(o, 'dashboard-todos')
    // Nothing below reloads the app: the counts must clear by refetching alone.
    await o.evaluate(() => {
      ;(window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true
    })

    // The group: counts on the tabs and the card on its overview.
    await dashboardCard.getByRole('link', { name: 'Study circle' }).click()
    const card = o.getByRole('region', { name: 'Needs your attention' })
    await card.getByText('1 join request waiting', { exact: true }).waitFor()
    await card.getByText('1 session to approve', { exact: true }).waitFor()
    await o.getByRole('tab', { name: 'Members, 1 waiting', exact: true }).waitFor()
    await o.getByRole('tab', { name: 'Sessions, 1 to approve', exact: true }).waitFor()
    await expectNoAxeViolations(o, 'group overview, needs your attention')
    await shots(o, 'group-overview-todos')

    // Approving Rita clears the Members count.
    await card.getByRole('link', { name: /^Review requests\W+1 join request waiting$/ }).click()
    const requests = o.getByRole('region', { name: 'Requests to join' })
    await requests.getByText('Hi, I am in the Tuesday class.').waitFor()
    await requests.getByRole('button', { name: 'Approve (Rita Requester)' }).click()
    await requests.waitFor({ state: 'detached' })
    await o.getByRole('tab', { name: 'Members', exact: true }).waitFor()
    await o.getByRole('tab', { name: 'Sessions, 1 to approve', exact: true }).waitFor()
    await o.getByRole('tab', { name: 'Overview' }).click()
    await card.getByText('1 session to approve', { exact: true }).waitFor()
    await expect(card.getByText(/join request/).count()).resolves.toBe(0)

    // Approving the session clears the rest, and the card goes.
    await card.getByRole('link', { name: /^Review sessions\W+1 session to approve$/ }).click()
    await o.waitForURL(/\/sessions\?status=pending_approval$/)
    await o.getByRole('button', { name: 'Approve (Chapter 3 review)' }).click()
    await o.getByRole('tab', { name: 'Sessions', exact: true }).waitFor()
    await o.getByRole('tab', { name: 'Overview' }).click()
    await o.getByRole('region', { name: 'About this group' }).waitFor()
    await expect(card.count()).resolves.toBe(0)
    await expect(o.getByRole('tab').allTextContents()).resolves.toEqual([
      'Overview',
      'Sessions',
      'Members',
      'Settings',
    ])

    // And on the dashboard, reached by the top bar.
    await o
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click()
    await o.getByRole('heading', { name: /^Welcome back, Olivia/, level: 1 }).waitFor()
    await o.getByRole('region', { name: 'Active sessions' }).waitFor()
    await expect.poll(() => o.getByRole('region', { name: 'Needs your attention' }).count()).toBe(0)
    await expect(
      o.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage),
    ).resolves.toBe(true)

    // Rita is in; her request is no longer waiting.
    await r.reload()
    await r
      .getByRole('list', { name: 'My groups' })
      .getByRole('link', { name: 'Study circle' })
      .waitFor()
    await expect(ritaWaiting.count()).resolves.toBe(0)
    for (const page of [r, w, m, o]) await page.context().close()
  }, 240_000)
})
