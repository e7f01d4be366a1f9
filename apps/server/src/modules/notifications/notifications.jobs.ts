import type { FastifyBaseLogger } from 'fastify'
import type { JobQueue } from '../../plugins/jobs.ts'
import type { NotificationsService } from './notifications.service.ts'

/** This node's worker for notification deliveries; a failed delivery is retried by the queue. */
export async function registerNotificationWorkers(
  queue: JobQueue,
  notifications: NotificationsService,
  log: FastifyBaseLogger,
) {
  await queue.work('notification.deliver', async (event) => {
    const created = await notifications.deliver(event)
    if (created > 0) log.debug({ kind: event.kind, created }, 'notifications delivered')
  })
}
