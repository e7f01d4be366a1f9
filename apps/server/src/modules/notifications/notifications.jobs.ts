import type { FastifyBaseLogger } from 'fastify'
import type { JobQueue } from '../../plugins/jobs.ts'
import type { NotificationMailer } from './notifications.mail.ts'
import type { NotificationsService } from './notifications.service.ts'

/** This node's workers for notification deliveries and their mails; a failure is retried. */
export async function registerNotificationWorkers(
  queue: JobQueue,
  notifications: NotificationsService,
  mailer: NotificationMailer,
  log: FastifyBaseLogger,
) {
  await queue.work('notification.deliver', async (event) => {
    const created = await notifications.deliver(event)
    if (created > 0) log.debug({ kind: event.kind, created }, 'notifications delivered')
  })
  await queue.work('notification.mail', async ({ notificationId }) => {
    const sent = await mailer.send(notificationId)
    if (sent) log.debug({ notificationId }, 'notification mailed')
  })
  await queue.work('account.mail', async (mail) => {
    await mailer.sendAccountMail(mail)
    log.debug({ kind: mail.kind, mailId: mail.mailId }, 'account mail sent')
  })
}
