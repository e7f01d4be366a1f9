import { endpoints } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import { route } from '../../lib/endpoint-route.ts'
import type { NotificationsService } from './notifications.service.ts'

export function registerNotificationRoutes(
  app: FastifyInstance,
  notifications: NotificationsService,
) {
  route(app, endpoints.findNotifications, ({ user, query }) => notifications.find(user.id, query))
  route(app, endpoints.markNotificationRead, ({ user, params }) =>
    notifications.markRead(user.id, params.notificationId),
  )
  route(app, endpoints.markAllNotificationsRead, ({ user }) => notifications.markAllRead(user.id))
  route(app, endpoints.getNotificationPreferences, ({ user }) =>
    notifications.getPreferences(user.id),
  )
  route(app, endpoints.updateNotificationPreferences, ({ user, body }) =>
    notifications.updatePreferences(user.id, body),
  )
  route(app, endpoints.unsubscribe, ({ body }) => notifications.unsubscribe(body.token))
}
