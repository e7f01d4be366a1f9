import type { Notification, NotificationType } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { type NotificationMailContext, renderNotificationMail } from './notification-mail.ts'

const context: NotificationMailContext = {
  recipientName: 'Ada',
  timeZone: 'Europe/Paris',
  publicUrl: 'https://quiz.example',
  unsubscribeUrl: 'https://quiz.example/unsubscribe?token=signed-token',
  lateUntil: null,
}

function notification(type: NotificationType, overrides: Partial<Notification> = {}): Notification {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type,
    createdAt: '2026-12-04T12:00:00.000Z',
    readAt: null,
    group: { id: '00000000-0000-4000-8000-000000000002', name: 'Night class' },
    session: {
      id: '00000000-0000-4000-8000-000000000003',
      title: 'Week 1',
      // Tuesday 8 December 2026, 18:00 in Paris.
      scheduledAt: '2026-12-08T17:00:00.000Z',
      endsAt: '2026-12-08T18:30:00.000Z',
    },
    actorName: 'Grace',
    outcome: null,
    link: '/groups/g/sessions/s',
    ...overrides,
  }
}

const WHEN = 'Tuesday 8 December, 18:00 (Europe/Paris), 1 h 30 min'

describe('notification mail by type', () => {
  it.each<{
    type: NotificationType
    outcome?: Notification['outcome']
    subject: string
    says: string
    action: string
    time: string | null
  }>([
    {
      type: 'session_scheduled',
      subject: 'New session in Night class: Week 1',
      says: 'Grace scheduled a new session in Night class.',
      action: 'Open the session',
      time: `When: ${WHEN}`,
    },
    {
      type: 'session_rescheduled',
      subject: 'Week 1 was moved',
      says: 'Week 1 in Night class was moved to a new time.',
      action: 'Open the session',
      time: `New time: ${WHEN}`,
    },
    {
      type: 'session_cancelled',
      subject: 'Week 1 was cancelled',
      says: 'Week 1 in Night class was cancelled and will not take place.',
      action: 'See the group',
      time: `It was planned for: ${WHEN}`,
    },
    {
      type: 'session_starting_soon',
      subject: 'Week 1 starts soon',
      says: 'Week 1 in Night class starts soon.',
      action: 'Join the session',
      time: `Starts: ${WHEN}`,
    },
    {
      type: 'session_started',
      subject: 'Week 1 has started',
      says: 'Week 1 in Night class has started.',
      action: 'Join now',
      time: `Started: ${WHEN}`,
    },
    {
      type: 'results_ready',
      subject: 'Results of Week 1 are in',
      says: 'The results of Week 1 in Night class are in.',
      action: 'See the results',
      time: null,
    },
    {
      type: 'approval_needed',
      subject: 'Grace asks to hold Week 1 in Night class',
      says: 'Grace would like to hold Week 1 in Night class. It waits for an owner or admin to approve it.',
      action: 'Review the session',
      time: `Planned for: ${WHEN}`,
    },
    {
      type: 'approval_decided',
      outcome: 'approved',
      subject: 'Week 1 was approved',
      says: 'Week 1 in Night class was approved and is on the schedule.',
      action: 'Open the session',
      time: `When: ${WHEN}`,
    },
    {
      type: 'approval_decided',
      outcome: 'rejected',
      subject: 'Week 1 was not approved',
      says: 'Week 1 in Night class was not approved.',
      action: 'Open the session',
      time: null,
    },
    {
      type: 'approval_decided',
      outcome: 'expired',
      subject: 'Week 1 was not approved before its start',
      says: 'Week 1 in Night class was not approved before its start, so it will not take place.',
      action: 'Open the session',
      time: null,
    },
    {
      type: 'join_request',
      subject: 'Grace asks to join Night class',
      says: 'Grace asks to join Night class.',
      action: 'Review the request',
      time: null,
    },
    {
      type: 'join_request_decided',
      outcome: 'approved',
      subject: "You're now a member of Night class",
      says: "Your request to join Night class was accepted: you're now a member.",
      action: 'Open the group',
      time: null,
    },
    {
      type: 'join_request_decided',
      outcome: 'rejected',
      subject: 'Your request to join Night class was declined',
      says: 'Your request to join Night class was declined.',
      action: 'Open LoopQuiz',
      time: null,
    },
    {
      type: 'invitation',
      subject: 'Grace invited you to Night class',
      says: 'Grace invited you to join Night class on LoopQuiz.',
      action: 'See the invitation',
      time: null,
    },
  ])('$type (outcome: $outcome)', ({ type, outcome, subject, says, action, time }) => {
    const mail = renderNotificationMail(notification(type, { outcome: outcome ?? null }), context)
    const url = 'https://quiz.example/groups/g/sessions/s'
    expect(mail.subject).toBe(subject)
    expect(mail.text).toContain('Hello Ada,')
    expect(mail.text).toContain(says)
    expect(mail.text).toContain('Group: Night class')
    expect(mail.text).toContain(`${action}: ${url}`)
    expect(mail.text).toContain(
      'Stop e-mails like this: https://quiz.example/unsubscribe?token=signed-token',
    )
    expect(mail.html).toContain(says.replaceAll("'", '&#39;'))
    expect(mail.html).toContain(`<a href="${url}"`)
    expect(mail.html).toContain(`>${action}</a>`)
    expect(mail.html).toContain(
      '<a href="https://quiz.example/unsubscribe?token=signed-token" style="color:#52525b;">Stop e-mails like this</a>',
    )
    if (time) {
      expect(mail.text).toContain(time)
      expect(mail.html).toContain(time)
    } else {
      expect(mail.text).not.toContain('18:00')
    }
  })
})

describe('notification mail', () => {
  it('says until when a member who missed the session can still take it', () => {
    const mail = renderNotificationMail(notification('session_started'), {
      ...context,
      lateUntil: new Date('2026-12-10T17:00:00.000Z'),
    })
    const line =
      'If you missed it, you can still take it until Thursday 10 December, 18:00 (Europe/Paris).'
    expect(mail.text).toContain(line)
    expect(mail.html).toContain(line)
  })

  it('gives the time in the recipient’s zone', () => {
    const mail = renderNotificationMail(notification('session_scheduled'), {
      ...context,
      timeZone: 'America/New_York',
    })
    expect(mail.text).toContain('When: Tuesday 8 December, 12:00 (America/New_York), 1 h 30 min')
  })

  it('escapes names and titles in the HTML, and keeps them as written in the text', () => {
    const mail = renderNotificationMail(
      notification('approval_needed', {
        actorName: '<script>alert(1)</script>',
        group: { id: '00000000-0000-4000-8000-000000000002', name: 'Tom & "Jerry"' },
        session: {
          id: '00000000-0000-4000-8000-000000000003',
          title: '<img src=x onerror=alert(1)>',
          scheduledAt: null,
          endsAt: null,
        },
      }),
      { ...context, recipientName: "<b>O'Brien</b>" },
    )
    expect(mail.html).not.toMatch(/<script|<img|<b>/)
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(mail.html).toContain('Tom &amp; &quot;Jerry&quot;')
    expect(mail.html).toContain('Hello &lt;b&gt;O&#39;Brien&lt;/b&gt;,')
    expect(mail.text).toContain('Session: <img src=x onerror=alert(1)>')
  })

  it('shortens a long subject', () => {
    const mail = renderNotificationMail(
      notification('session_scheduled', {
        session: {
          id: '00000000-0000-4000-8000-000000000003',
          title: 'A very long session title '.repeat(5),
          scheduledAt: null,
          endsAt: null,
        },
      }),
      context,
    )
    expect(mail.subject.length).toBeLessThanOrEqual(78)
    expect(mail.subject).toMatch(/^New session in Night class: A very long session title.*…$/)
  })

  it('never links off the site, whatever the notification’s link', () => {
    const mail = renderNotificationMail(
      notification('invitation', { link: '//evil.example/phish' }),
      context,
    )
    expect(mail.text).toContain('See the invitation: https://quiz.example/\n')
    expect(mail.html).not.toContain('evil.example')
  })
})
