import type { NotificationType } from '@loopquiz/contract'
import type { JobPayloads } from '../../plugins/jobs.ts'
import { renderAccountMail } from '../mail/account-mail.ts'
import type { MailTransport, OutgoingMail } from '../mail/mail-transport.ts'
import { renderNotificationMail } from '../mail/notification-mail.ts'
import { sessionInvite, toCalendarSession } from '../mail/session-calendar.ts'
import type {
  NotificationRow,
  NotificationsRepository,
  SessionRowForNotice,
} from './notifications.repository.ts'
import { toView } from './notifications.service.ts'

export interface NotificationMailerDeps {
  notifications: NotificationsRepository
  transport: MailTransport
  /** The web app's origin, without a trailing slash. */
  publicUrl: string
  /** Who calendar invites come from: the address mail is sent from. */
  organizer: { name: string; email: string }
  unsubscribeUrl: (userId: string, type: NotificationType) => string
  /** The reminder the invite asks the calendar for, as the app's own reminder comes. */
  alarmMinutesBefore: number
  now?: () => Date
}

/** Notifications that put a session in the recipient's calendar, or take it out. */
const calendarMethods: Partial<Record<NotificationType, 'REQUEST' | 'CANCEL'>> = {
  session_scheduled: 'REQUEST',
  session_rescheduled: 'REQUEST',
  session_cancelled: 'CANCEL',
}

/**
 * Sends a notification's e-mail: what happened, in the recipient's time zone, with a calendar
 * invite where the notification is about a session's time. Sends nothing for one already sent,
 * so a retried job does not mail twice (a crash right between the SMTP server's acceptance and
 * the mark can still repeat it: the Message-ID stays the same, so mail systems can tell).
 */
export function createNotificationMailer(deps: NotificationMailerDeps) {
  const { notifications: repo, transport, publicUrl } = deps
  const now = deps.now ?? (() => new Date())
  const host = new URL(publicUrl).hostname

  async function calendarOf(
    row: NotificationRow,
    session: SessionRowForNotice | null,
    recipient: { name: string; email: string },
  ) {
    const method =
      row.type === 'approval_decided' && row.data.outcome === 'approved'
        ? 'REQUEST'
        : calendarMethods[row.type]
    if (!method || !session?.scheduledAt || !session.endsAt) return undefined
    // One occurrence of a series changed alone would need its own RECURRENCE-ID; the invite
    // covers a series only as a whole, when it is announced.
    if (session.seriesId && method === 'CANCEL') return undefined
    if (session.seriesId && row.type === 'session_rescheduled') return undefined
    const event = toCalendarSession(session, 'series', {
      host,
      url: `${publicUrl}${row.data.link}`,
      timeZone: (await repo.findGroupTimeZone(session.groupId)) ?? 'UTC',
      groupName: row.data.groupName ?? '',
    })
    if (!event) return undefined
    return {
      method,
      content: sessionInvite(method, event, deps.organizer, recipient, deps.alarmMinutesBefore),
    }
  }

  return {
    /** A mail about an account or an invitation: rendered and sent as it is. */
    async sendAccountMail(mail: JobPayloads['account.mail']): Promise<void> {
      const rendered = renderAccountMail(mail.kind, {
        recipientName: mail.to.name,
        url: mail.url,
        ...(mail.inviterName === undefined ? {} : { inviterName: mail.inviterName }),
        ...(mail.groupName === undefined ? {} : { groupName: mail.groupName }),
      })
      await transport.send({
        to: { name: mail.to.name, address: mail.to.email },
        ...rendered,
        messageId: `<${mail.kind}-${mail.mailId}@${host}>`,
      })
    },

    async send(notificationId: string): Promise<boolean> {
      const found = await repo.findForMail(notificationId)
      if (!found || found.notification.mailedAt) return false
      const { notification: row, email, name } = found
      const timeZone =
        found.timeZone ?? (row.groupId ? await repo.findGroupTimeZone(row.groupId) : null) ?? 'UTC'
      const session = row.data.session ? await repo.findSession(row.data.session.id) : null
      const lateUntil = session?.lateUntil && session.lateUntil > now() ? session.lateUntil : null
      const unsubscribeUrl = deps.unsubscribeUrl(row.userId, row.type)
      const rendered = renderNotificationMail(toView(row), {
        recipientName: name,
        timeZone,
        publicUrl,
        unsubscribeUrl,
        lateUntil,
      })
      const calendar = await calendarOf(row, session, { name, email })
      const mail: OutgoingMail = {
        to: { name, address: email },
        ...rendered,
        messageId: `<notification-${row.id}@${host}>`,
        headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` },
        ...(calendar ? { calendar } : {}),
      }
      await transport.send(mail)
      await repo.markMailed(row.id, now())
      return true
    },
  }
}

export type NotificationMailer = ReturnType<typeof createNotificationMailer>
