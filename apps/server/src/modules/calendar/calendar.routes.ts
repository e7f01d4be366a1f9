import { endpoints } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import { route } from '../../lib/endpoint-route.ts'
import type { CalendarService } from './calendar.service.ts'

export function registerCalendarRoutes(app: FastifyInstance, calendar: CalendarService) {
  // The feed's path is its secret: calendars fetch it every few hours, and each request line
  // would put it in the log. Warnings and errors are still logged.
  app.addHook('onRoute', (options) => {
    if (options.url === endpoints.downloadCalendarFeed.path) options.logLevel = 'warn'
  })
  route(app, endpoints.downloadSessionCalendar, async ({ user, params, reply }) => {
    const { fileName, content } = await calendar.sessionFile(params.groupId, params.sessionId, user)
    reply.header('content-disposition', `attachment; filename="${fileName}"`)
    return content
  })
  route(app, endpoints.getCalendarFeed, ({ user }) => calendar.getFeed(user))
  route(app, endpoints.regenerateCalendarFeed, ({ user }) => calendar.regenerateFeed(user))
  route(app, endpoints.downloadCalendarFeed, async ({ params, reply }) => {
    const content = await calendar.feedFile(params.feedToken)
    // Private: the feed is one user's; five minutes spares a calendar that polls too often.
    reply.header('cache-control', 'private, max-age=300')
    return content
  })
}
