import { endpoints } from '@loopquiz/contract'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { signUpByApi } from './support/api.ts'
import { expectNoAxeViolations } from './support/axe.ts'
import { launchBrowser, screenshot, viewports } from './support/browser.ts'
import { verifyEmailByMail } from './support/mail.ts'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

interface Person {
  name: string
  email: string
}

function person(name: string): Person {
  const slug = name.toLowerCase().replace(/\W+/g, '-')
  return { name, email: `${slug}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test` }
}

async function newPage(viewport: keyof typeof viewports = 'desktop'): Promise<Page> {
  const context = await browser.newContext({ viewport: viewports[viewport], baseURL: baseUrl })
  return context.newPage()
}

/** A full-page screenshot taken from the top: scrolled, the sticky header lands mid-page. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, name)
}

/** Fills the sign-up form the page is on; sign-up then returns to wherever `next` said. */
async function signUp(page: Page, who: Person) {
  await page.getByRole('heading', { name: 'Create your account' }).waitFor()
  await page.getByLabel('Name').fill(who.name)
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill('a-long-enough-password')
  await page.getByRole('button', { name: 'Sign up' }).click()
}

/** From a protected page's redirect to /login, over to sign-up (keeping `next`). */
async function signUpFromLogin(page: Page, who: Person) {
  await page.waitForURL(/\/login\?next=/)
  await page.getByRole('link', { name: 'Create an account' }).click()
  await signUp(page, who)
}

/** "Create group" on /groups with a name and privacy, in the browser's time zone. */
async function createGroup(page: Page, name: string, privacy: 'Public' | 'Private') {
  await page.getByRole('button', { name: 'Create group' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create a group' })
  await dialog.getByLabel('Name').fill(name)
  await dialog.getByRole('radio', { name: new RegExp(privacy) }).check()
  await dialog.getByRole('button', { name: 'Create group' }).click()
  await page.getByRole('heading', { name, level: 1 }).waitFor()
}

function groupIdIn(page: Page): string {
  const id = /\/groups\/([0-9a-f-]{36})/.exec(page.url())?.[1]
  if (!id) throw new Error(`not on a group page: ${page.url()}`)
  return id
}

describe('groups', () => {
  it('an owner creates a private group, invites, approves a request and promotes; the admin edits settings; a plain member sees no controls', async () => {
    const ada = person('Ada Lovelace')
    const bob = person('Bob Stone')
    const cleo = person('Cleo Park')
    const invitee = person('Ivy Invited')

    // Ada signs up and creates a private group on /groups.
    const a = await newPage('desktop')
    await a.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl })
    await a.goto('/signup')
    await signUp(a, ada)
    await a.getByRole('heading', { name: 'Welcome, Ada' }).waitFor()
    await a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
    await a.getByRole('heading', { name: 'Groups', level: 1 }).waitFor()
    await a.getByText('No groups yet').waitFor()
    await expectNoAxeViolations(a, 'groups, empty')
    await shot(a, 'groups-empty-desktop')

    await a.getByRole('button', { name: 'Create group' }).click()
    const create = a.getByRole('dialog', { name: 'Create a group' })
    await create.getByLabel('Name').waitFor()
    await expectNoAxeViolations(a, 'create group dialog')
    await create.getByLabel('Name').fill('Physics 101')
    await create.getByLabel('Description').fill('Year 10 physics: forces, energy and waves.')
    await expect(create.getByRole('radio', { name: /Private/ }).isChecked()).resolves.toBe(true)
    const browserZone = await a.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)
    const zone = create.getByRole('combobox', { name: 'Time zone' })
    await expect(zone.inputValue()).resolves.toMatch(new RegExp(`^${browserZone}\\b`))
    await zone.fill('paris')
    await zone.press('Enter')
    await create.getByLabel('Tags').fill('physics, year 10')
    await shot(a, 'groups-create-desktop')
    await create.getByRole('button', { name: 'Create group' }).click()

    // The new group's Overview, with the join link to copy.
    await a.getByRole('heading', { name: 'Physics 101', level: 1 }).waitFor()
    await a.getByRole('tab', { name: 'Overview', selected: true }).waitFor()
    const groupId = groupIdIn(a)
    const about = a.getByRole('region', { name: 'About this group' })
    await about.getByText('Year 10 physics: forces, energy and waves.').waitFor()
    await about.getByText('Europe/Paris').waitFor()
    await about.getByText('#year 10').waitFor()
    const joinLink = await a.getByLabel('Join link').inputValue()
    expect(joinLink).toMatch(new RegExp(`^${baseUrl}/groups/join/[A-Z2-9]{10}$`))
    await a.getByRole('button', { name: /^Copy link/ }).click()
    await a
      .getByRole('button', { name: 'Copy link to join the group' })
      .getByText('Copied')
      .waitFor()
    await expect(a.evaluate(() => navigator.clipboard.readText())).resolves.toBe(joinLink)
    await expectNoAxeViolations(a, 'group overview, owner')
    await shot(a, 'group-overview-desktop')

    // Members: invite someone by email and get the link to send them.
    await a.getByRole('tab', { name: 'Members' }).click()
    await a.waitForURL(`${baseUrl}/groups/${groupId}/members`)
    const invite = a.getByRole('region', { name: 'Invite people' })
    await invite.getByLabel('Email').fill(invitee.email)
    await invite.getByLabel('Role').selectOption({ label: 'Member' })
    await invite.getByRole('button', { name: 'Create invitation' }).click()
    await invite.getByText(`Send this link to ${invitee.email}`).waitFor()
    const invitationUrl = await invite
      .getByLabel(`Invitation link for ${invitee.email}`)
      .inputValue()
    expect(invitationUrl).toMatch(new RegExp(`^${baseUrl}/invitations/[\\w-]{16,}$`))
    const pending = invite.getByRole('list', { name: 'Pending invitations' })
    await pending.getByText(invitee.email, { exact: true }).waitFor()
    await expectNoAxeViolations(a, 'group members, owner, invitation made')

    // Bob opens the join link signed out, signs up on the way, and asks to join.
    const b = await newPage('desktop')
    await b.goto(joinLink)
    await signUpFromLogin(b, bob)
    await b.getByRole('heading', { name: 'Physics 101' }).waitFor()
    await b.getByText('Private group').waitFor()
    await b.getByText('1 member', { exact: true }).waitFor()
    await b.getByLabel(/Message to the group/).fill('Hi, I am Bob from class 10B.')
    await expectNoAxeViolations(b, 'join page, private group')
    await shot(b, 'join-private-desktop')
    await b.getByRole('button', { name: 'Ask to join' }).click()
    await b.getByText('Your request to join is waiting for approval.').waitFor()
    await expectNoAxeViolations(b, 'join page, request waiting')
    await b.reload()
    await b.getByText('Your request to join is waiting for approval.').waitFor()

    // Ada approves the request and makes Bob an admin.
    await a.reload()
    const requests = a.getByRole('region', { name: 'Requests to join' })
    await requests.getByText('Hi, I am Bob from class 10B.').waitFor()
    await expectNoAxeViolations(a, 'group members, a request to join')
    await requests.getByRole('button', { name: 'Approve' }).click()
    await requests.waitFor({ state: 'detached' })
    const members = a.getByRole('list', { name: 'Members' })
    const bobRow = members.getByRole('listitem').filter({ hasText: bob.email })
    await bobRow.getByText('Member', { exact: true }).waitFor()
    await bobRow.getByRole('button', { name: 'Make admin' }).click()
    await bobRow.getByText('Admin', { exact: true }).waitFor()
    await bobRow.getByRole('button', { name: 'Make member' }).waitFor()
    const adaRow = members.getByRole('listitem').filter({ hasText: ada.email })
    await expect(adaRow.getByRole('button').count()).resolves.toBe(0)
    await expectNoAxeViolations(a, 'group members, an admin')
    await shot(a, 'group-members-desktop')

    // Revoking the invitation withdraws its link.
    await pending
      .getByRole('listitem')
      .filter({ hasText: invitee.email })
      .getByRole('button', { name: 'Revoke' })
      .click()
    await invite.getByText('No pending invitations.').waitFor()

    // Bob, now an admin, lets every member schedule sessions.
    await b.reload()
    await b.getByText('You’re already a member of this group.').waitFor()
    await expectNoAxeViolations(b, 'join page, already a member')
    await b.getByRole('link', { name: 'Open group' }).click()
    await b.getByRole('tab', { name: 'Settings' }).click()
    await b.waitForURL(`${baseUrl}/groups/${groupId}/settings`)
    const permissions = b.getByRole('region', { name: 'Session permissions' })
    await expect(permissions.getByLabel('Who can schedule sessions').inputValue()).resolves.toBe(
      'admin',
    )
    await permissions.getByLabel('Who can schedule sessions').selectOption({ label: 'All members' })
    await permissions.getByRole('button', { name: 'Save session permissions' }).click()
    await permissions.getByText('Saved').waitFor()
    await expect(b.getByRole('heading', { name: 'Danger zone' }).count()).resolves.toBe(0)
    await expectNoAxeViolations(b, 'group settings, admin, saved')
    await b.reload()
    await expect(
      b
        .getByRole('region', { name: 'Session permissions' })
        .getByLabel('Who can schedule sessions')
        .inputValue(),
    ).resolves.toBe('all_members')

    // Ada opens the group to everyone with the link.
    await a.getByRole('tab', { name: 'Settings' }).click()
    const basics = a.getByRole('region', { name: 'Basic info' })
    await basics.getByRole('radio', { name: /Public/ }).check()
    await basics.getByRole('button', { name: 'Save basic info' }).click()
    await basics.getByText('Saved').waitFor()
    await a.getByRole('heading', { name: 'Danger zone' }).waitFor()
    // The settings page reloads the group, so Bob's change shows here too.
    await expect
      .poll(() =>
        a
          .getByRole('region', { name: 'Session permissions' })
          .getByLabel('Who can schedule sessions')
          .inputValue(),
      )
      .toBe('all_members')
    await a
      .getByRole('region', { name: 'Session permissions' })
      .getByRole('button', { name: 'Add time slot' })
      .click()
    await expectNoAxeViolations(a, 'group settings, owner, a time slot added')
    await shot(a, 'group-settings-desktop')
    await a.setViewportSize(viewports.phone)
    await shot(a, 'group-settings-phone')
    await a.getByRole('tab', { name: 'Members' }).click()
    await a.getByRole('region', { name: 'Invite people' }).waitFor()
    await shot(a, 'group-members-phone')
    await a.setViewportSize(viewports.desktop)

    // Cleo, at phone width, joins with the code on /groups as a plain member.
    const c = await newPage('phone')
    await c.goto('/groups')
    await signUpFromLogin(c, cleo)
    await c.getByText('No groups yet').waitFor()
    await shot(c, 'groups-empty-phone')
    const code = joinLink.split('/').at(-1) ?? ''
    await c.getByLabel('Join code').fill(code.toLowerCase())
    await c.getByRole('button', { name: 'Join with code' }).click()
    await c.getByRole('heading', { name: 'Physics 101' }).waitFor()
    await c.getByText('Public group').waitFor()
    await c.getByText('2 members', { exact: true }).waitFor()
    await expectNoAxeViolations(c, 'join page, public group')
    await shot(c, 'join-public-phone')
    await c.getByRole('button', { name: 'Join group' }).click()
    await c.getByRole('heading', { name: 'Physics 101', level: 1 }).waitFor()
    await c.getByRole('tab', { name: 'Overview', selected: true }).waitFor()
    await expect(c.getByRole('tab').allTextContents()).resolves.toEqual([
      'Overview',
      'Sessions',
      'Members',
    ])
    await expect(c.getByLabel('Join link').count()).resolves.toBe(0)
    await expectNoAxeViolations(c, 'group overview, member')
    await shot(c, 'group-overview-phone')

    // The tabs follow the keyboard.
    await c.getByRole('tab', { name: 'Overview' }).focus()
    await c.keyboard.press('ArrowRight')
    await c.waitForURL(`${baseUrl}/groups/${groupId}/sessions`)
    await c.keyboard.press('ArrowRight')
    await c.waitForURL(`${baseUrl}/groups/${groupId}/members`)
    await c.getByRole('tab', { name: 'Members', selected: true }).waitFor()
    const cleoMembers = c.getByRole('list', { name: 'Members' })
    // A plain member sees names, not addresses.
    await cleoMembers.getByText(bob.name).waitFor()
    await expect(cleoMembers.getByText(bob.email).count()).resolves.toBe(0)
    await expect(cleoMembers.getByRole('button').count()).resolves.toBe(0)
    await expect(c.getByRole('region', { name: 'Invite people' }).count()).resolves.toBe(0)
    await expect(c.getByRole('region', { name: 'Requests to join' }).count()).resolves.toBe(0)
    await expectNoAxeViolations(c, 'group members, member')
    await shot(c, 'group-members-phone-member')

    // A deep link to Settings sends a plain member back to the overview.
    await c.goto(`/groups/${groupId}/settings`)
    await c.waitForURL(`${baseUrl}/groups/${groupId}`)
    await c.getByRole('region', { name: 'About this group' }).waitFor()

    await c.goto('/groups')
    const card = c.getByRole('list', { name: 'My groups' }).getByRole('listitem')
    await card.getByRole('link', { name: 'Physics 101' }).waitFor()
    await card.getByText('3 members').waitFor()
    await expectNoAxeViolations(c, 'groups, one group')
    await shot(c, 'groups-phone')

    // Cleo leaves after confirming.
    await card.getByRole('link', { name: 'Physics 101' }).click()
    await c.getByRole('tab', { name: 'Members' }).click()
    await c.getByRole('button', { name: 'Leave group' }).click()
    const leave = c.getByRole('dialog', { name: 'Leave Physics 101?' })
    await leave.getByRole('button', { name: 'Leave group' }).waitFor()
    await expectNoAxeViolations(c, 'leave group dialog')
    await leave.getByRole('button', { name: 'Leave group' }).click()
    await c.waitForURL(`${baseUrl}/groups`)
    await c.getByText('No groups yet').waitFor()

    // Ada's list, and the withdrawn invitation's page.
    await a.goto('/groups')
    await a
      .getByRole('list', { name: 'My groups' })
      .getByRole('link', { name: 'Physics 101' })
      .waitFor()
    await shot(a, 'groups-desktop')
    await a.goto(invitationUrl)
    await a.getByRole('heading', { name: 'This invitation was withdrawn' }).waitFor()
    await expectNoAxeViolations(a, 'invitation, withdrawn')

    for (const page of [a, b, c]) await page.context().close()
  }, 180_000)

  it('an invitation is previewed signed out, refused for another address, and accepted by its addressee', async () => {
    const owner = await signUpByApi(baseUrl, 'Owen Owner')
    const group = await owner.api(endpoints.createGroup, {
      body: {
        name: 'Chemistry club',
        description: 'Experiments every Thursday.',
        privacy: 'private',
        timezone: 'Europe/Paris',
        tags: ['chemistry'],
      },
    })
    const dora = person('Dora Addressee')
    const eve = person('Eve Other')
    const invitation = await owner.api(endpoints.createInvitation, {
      params: { groupId: group.id },
      body: { email: dora.email, role: 'member' },
    })

    const desktop = await newPage('desktop')
    await desktop.goto(invitation.url)
    await desktop.getByRole('heading', { name: 'Chemistry club' }).waitFor()
    await desktop.getByText('Owen Owner invited you to join').waitFor()
    await expectNoAxeViolations(desktop, 'invitation, signed out')
    await shot(desktop, 'invitation-desktop')
    await desktop.context().close()

    const page = await newPage('phone')
    await page.goto(invitation.url)
    await page.getByRole('heading', { name: 'Chemistry club' }).waitFor()
    // Anyone with the link may read the page: the address is masked.
    const doraMasked = `${dora.email[0]}•••@example.test`
    await page.getByText(`For ${doraMasked}`).waitFor()
    await expect(page.getByText(dora.email).count()).resolves.toBe(0)
    await page.getByRole('link', { name: 'Sign in to accept' }).waitFor()
    await shot(page, 'invitation-phone')

    // Eve signs up from the invitation and is told it is for another address.
    await page.getByRole('link', { name: 'Create an account' }).click()
    await signUp(page, eve)
    await page.getByText(`You’re signed in as ${eve.email}`).waitFor()
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    const alert = page.getByRole('alert')
    await alert.getByText('This invitation is for another email address').waitFor()
    await alert
      .getByText(
        `This invitation was sent to ${doraMasked}. Sign in with that address to accept it.`,
      )
      .waitFor()
    await expectNoAxeViolations(page, 'invitation, for another address')
    await shot(page, 'invitation-mismatch-phone')

    // She switches to Dora's account, who accepts and lands in the group.
    await alert.getByRole('button', { name: 'Sign in with another account' }).click()
    await signUpFromLogin(page, dora)
    await page.getByText(`You’re signed in as ${dora.email}`).waitFor()
    // Accepting takes a confirmed address: she follows the link in her confirmation mail.
    await verifyEmailByMail(baseUrl, dora.email)
    await expectNoAxeViolations(page, 'invitation, signed in as its addressee')
    await page.getByRole('button', { name: 'Accept invitation' }).click()
    await page.getByRole('heading', { name: 'Chemistry club', level: 1 }).waitFor()
    await page
      .getByRole('region', { name: 'About this group' })
      .getByText('Member', { exact: true })
      .waitFor()
    await expect(page.getByRole('tab').allTextContents()).resolves.toEqual([
      'Overview',
      'Sessions',
      'Members',
    ])

    await page.goto(invitation.url)
    await page.getByRole('heading', { name: 'This invitation was already accepted' }).waitFor()
    await expectNoAxeViolations(page, 'invitation, already accepted')
    await page.getByRole('link', { name: 'Open Chemistry club' }).click()
    await page.getByRole('heading', { name: 'Chemistry club', level: 1 }).waitFor()

    await page.goto('/invitations/AAAAAAAAAAAAAAAAAAAAAA')
    await page.getByRole('heading', { name: 'We couldn’t find this invitation' }).waitFor()
    await expectNoAxeViolations(page, 'invitation not found')
    await page.goto('/groups/join/NOSUCHCODE')
    await page.getByRole('heading', { name: 'This join link doesn’t work' }).waitFor()
    await expectNoAxeViolations(page, 'join link not found')
    await page.context().close()
  }, 120_000)

  it('the owner transfers ownership, then deletes a group by typing its name', async () => {
    const nina = await signUpByApi(baseUrl, 'Nina Next')
    const page = await newPage('desktop')
    await page.goto('/signup?next=%2Fgroups')
    await signUp(page, person('Olga Owner'))
    await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor()

    await createGroup(page, 'Handover club', 'Public')
    const code = (await page.getByLabel('Join link').inputValue()).split('/').at(-1) ?? ''
    await nina.api(endpoints.joinByCode, { params: { code }, body: {} })
    await page.getByRole('tab', { name: 'Settings' }).click()
    const newOwner = page.getByLabel('New owner')
    const ninaId = await newOwner.locator('option', { hasText: 'Nina Next' }).getAttribute('value')
    await newOwner.selectOption(ninaId ?? '')
    await page.getByRole('button', { name: 'Transfer ownership' }).click()
    const transfer = page.getByRole('dialog', { name: 'Make Nina Next the owner?' })
    await transfer.getByRole('button', { name: 'Make Nina Next the owner' }).waitFor()
    await expectNoAxeViolations(page, 'transfer ownership dialog')
    await transfer.getByRole('button', { name: 'Make Nina Next the owner' }).click()
    await page.getByRole('heading', { name: 'Danger zone' }).waitFor({ state: 'detached' })
    await page.getByRole('region', { name: 'Basic info' }).waitFor()
    await page.getByRole('tab', { name: 'Members' }).click()
    const ninaRow = page
      .getByRole('list', { name: 'Members' })
      .getByRole('listitem')
      .filter({ hasText: 'Nina Next' })
    await ninaRow.getByText('Owner', { exact: true }).waitFor()
    await expect(ninaRow.getByRole('button').count()).resolves.toBe(0)

    await page.goto('/groups')
    await createGroup(page, 'Short-lived club', 'Private')
    await page.getByRole('tab', { name: 'Settings' }).click()
    await page.getByRole('button', { name: 'Delete group' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete Short-lived club?' })
    const confirm = dialog.getByRole('button', { name: 'Delete this group' })
    await expect(confirm.isDisabled()).resolves.toBe(true)
    await dialog.getByLabel('Type Short-lived club to confirm').fill('Short-lived club')
    await expectNoAxeViolations(page, 'delete group dialog')
    await confirm.click()
    await page.waitForURL(`${baseUrl}/groups`)
    const list = page.getByRole('list', { name: 'My groups' })
    await list.getByRole('link', { name: 'Handover club' }).waitFor()
    await expect(list.getByRole('link', { name: 'Short-lived club' }).count()).resolves.toBe(0)
    await page.context().close()
  }, 120_000)
})
