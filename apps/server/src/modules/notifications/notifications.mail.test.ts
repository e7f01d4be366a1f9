import ICAL from 'ical.js'
import type { ParsedMail } from 'mailparser'
import { beforeAll, describe, expect, it } from 'vitest'
import { inHours, manualSource as manual, sessionFixtures } from '../../test/session-fixtures.ts'
import { startSmtpSink } from '../../test/smtp-sink.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let app: TestApp
let sink: Awaited<ReturnType<typeof startSmtpSink>>
let call: ReturnType<typeof sessionFixtures>['call']
let setUpGroup: ReturnType<typeof sessionFixtures>['setUpGroup']

beforeAll(async () => {
  sink = await startSmtpSink()
  app = await createTestApp({ smtpUrl: sink.url, mailFrom: 'LoopQuiz <sessions@loopquiz.test>' })
  ;({ call, setUpGroup } = sessionFixtures(app))
})

/** iCalendar times have whole seconds. */
const toSecond = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString()

const addressOf = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? ''

/** Notification mails only: every sign-up also gets its address-confirmation mail. */
const notificationMails = () =>
  sink.received.filter((mail) => mail.messageId?.startsWith('<notification-'))

/** Mails to `address` so far, waiting until there are `count` (and a moment for any extra). */
async function mailsTo(address: string, count: number): Promise<ParsedMail[]> {
  const deadline = Date.now() + 15_000
  const mine = () => notificationMails().filter((mail) => addressOf(mail) === address)
  while (mine().length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await new Promise((resolve) => setTimeout(resolve, 1500))
  return mine()
}

/** The VEVENT of a mail's invite, parsed by a real iCalendar parser, and the calendar's method. */
function inviteOf(mail: ParsedMail | undefined) {
  const part = mail?.attachments.find((attachment) => attachment.filename === 'invite.ics')
  if (!part) throw new Error('the mail has no invite.ics')
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')))
  const event = calendar.getFirstSubcomponent('vevent')
  if (!event) throw new Error('the invite has no VEVENT')
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    rrule: event.getFirstPropertyValue('rrule')?.toString() ?? null,
    status: event.getFirstPropertyValue('status'),
    attendee: String(event.getFirstPropertyValue('attendee')),
  }
}

describe('e-mail of notifications', () => {
  it('mails each member once with an invite, then its update and its cancellation', async () => {
    const { owner, admin, member, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/schedule`, owner, {
        scheduledAt: inHours(30),
        title: 'Week 1 <review>',
        source: manual,
      })
    ).json()

    const [first] = await mailsTo(member.email, 1)
    expect(await mailsTo(member.email, 1)).toHaveLength(1)
    expect(await mailsTo(admin.email, 1)).toHaveLength(1)
    expect(notificationMails().filter((mail) => addressOf(mail) === owner.email)).toEqual([])
    expect(first?.subject).toBe('New session in Class: Week 1 <review>')
    expect(first?.from?.value[0]?.address).toBe('sessions@loopquiz.test')
    expect(first?.html).toContain('Week 1 &lt;review&gt;')
    expect(first?.text).toContain(`/groups/${session.groupId}/sessions/${session.id}`)
    const unsubscribe = first?.headerLines.find((header) => header.key === 'list-unsubscribe')
    // Folded onto a second line, as a long header may be.
    expect(unsubscribe?.line.replace(/\r\n\s+/, ' ')).toMatch(
      /^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\?token=/,
    )
    const invite = inviteOf(first)
    expect(invite).toMatchObject({
      method: 'REQUEST',
      uid: `session-${session.id}@localhost`,
      sequence: 0,
      start: toSecond(session.scheduledAt),
      rrule: null,
    })
    expect(invite.attendee.toLowerCase()).toBe(`mailto:${member.email}`)

    const moved = (
      await call('PUT', `${base}/${session.id}`, owner, { scheduledAt: inHours(50) })
    ).json()
    const update = (await mailsTo(member.email, 2))[1]
    expect(inviteOf(update)).toMatchObject({
      method: 'REQUEST',
      uid: invite.uid,
      sequence: 1,
      start: toSecond(moved.scheduledAt),
    })

    await call('DELETE', `${base}/${session.id}`, owner)
    const cancellation = (await mailsTo(member.email, 3))[2]
    expect(inviteOf(cancellation)).toMatchObject({
      method: 'CANCEL',
      uid: invite.uid,
      sequence: 2,
      status: 'CANCELLED',
    })
    expect(await mailsTo(member.email, 3)).toHaveLength(3)
  })

  it('sends a series as one invite with its rule', async () => {
    const { owner, member, base } = await setUpGroup()
    const series = (
      await call('POST', `${base}/schedule`, owner, {
        scheduledAt: inHours(30),
        recurrenceRule: 'FREQ=WEEKLY;COUNT=4',
        source: manual,
      })
    ).json()
    const mails = await mailsTo(member.email, 1)
    expect(mails).toHaveLength(1)
    expect(inviteOf(mails[0])).toMatchObject({
      uid: `session-${series.id}@localhost`,
      rrule: 'FREQ=WEEKLY;COUNT=4',
    })
  })

  it('sends no mail of a type the member turned off, and still the in-app notification', async () => {
    const { owner, admin, member, base } = await setUpGroup()
    await call('PATCH', '/api/user/notification-preferences', member, {
      email: { session_scheduled: false },
    })
    await call('POST', `${base}/schedule`, owner, { scheduledAt: inHours(30), source: manual })
    expect(await mailsTo(admin.email, 1)).toHaveLength(1)
    expect(notificationMails().filter((mail) => addressOf(mail) === member.email)).toEqual([])
    const page = (await call('GET', '/api/notifications', member)).json()
    expect(page.items.map((item: { type: string }) => item.type)).toEqual(['session_scheduled'])
  })

  it('gives the time in the time zone the member chose', async () => {
    const { owner, member, base } = await setUpGroup()
    await call('PATCH', '/api/user/notification-preferences', member, {
      timeZone: 'America/New_York',
    })
    const session = (
      await call('POST', `${base}/schedule`, owner, {
        scheduledAt: '2027-01-15T17:00:00.000Z',
        source: manual,
      })
    ).json()
    expect(session.scheduledAt).toBe('2027-01-15T17:00:00.000Z')
    const [mail] = await mailsTo(member.email, 1)
    // 17:00 UTC is noon in New York in January.
    expect(mail?.text).toMatch(/12:00/)
    expect(mail?.text).toContain('America/New_York')
  })
})
