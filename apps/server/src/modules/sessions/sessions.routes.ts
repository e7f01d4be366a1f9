import { endpoints } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import { route } from '../../lib/endpoint-route.ts'
import type { QuizzesService } from '../quizzes/quizzes.service.ts'
import type { SessionsService } from './sessions.service.ts'

export function registerSessionRoutes(
  app: FastifyInstance,
  sessions: SessionsService,
  quizzes: QuizzesService,
) {
  route(app, endpoints.createInstantSession, ({ user, params, body }) =>
    sessions.createInstant(params.groupId, user, body),
  )
  route(app, endpoints.scheduleSession, ({ user, params, body }) =>
    sessions.schedule(params.groupId, user, body),
  )
  route(app, endpoints.findSessions, ({ user, params, query }) =>
    sessions.find(params.groupId, user, query),
  )
  route(app, endpoints.getSessionStats, ({ user, params }) => sessions.stats(params.groupId, user))
  route(app, endpoints.getNextSessionStart, ({ user, params, query }) =>
    sessions.nextStart(params.groupId, user, query.durationMinutes),
  )
  route(app, endpoints.getSession, ({ user, params }) =>
    sessions.get(params.groupId, params.sessionId, user),
  )
  route(app, endpoints.updateSession, ({ user, params, body }) =>
    sessions.update(params.groupId, params.sessionId, user, body),
  )
  route(app, endpoints.cancelSession, ({ user, params, query }) =>
    sessions.cancel(params.groupId, params.sessionId, user, query.scope),
  )
  route(app, endpoints.setSessionLateWindow, ({ user, params, body }) =>
    sessions.setLateWindow(params.groupId, params.sessionId, user, body),
  )
  route(app, endpoints.approveSession, ({ user, params }) =>
    sessions.approve(params.groupId, params.sessionId, user),
  )
  route(app, endpoints.rejectSession, ({ user, params }) =>
    sessions.reject(params.groupId, params.sessionId, user),
  )
  route(app, endpoints.startSession, ({ user, params }) =>
    sessions.start(params.groupId, params.sessionId, user),
  )
  route(app, endpoints.endSession, ({ user, params }) =>
    sessions.end(params.groupId, params.sessionId, user),
  )
  route(app, endpoints.extendSession, ({ user, params, body }) =>
    sessions.extend(params.groupId, params.sessionId, user, body.minutes),
  )
  route(app, endpoints.getLiveState, ({ user, params }) =>
    sessions.getLiveState(params.groupId, params.sessionId, user),
  )
  route(app, endpoints.actOnLiveSession, ({ user, params, body }) =>
    sessions.actOnLive(params.groupId, params.sessionId, user, body.action),
  )
  route(app, endpoints.getAnswerDistribution, ({ user, params }) =>
    sessions.getAnswerDistribution(params.groupId, params.sessionId, user),
  )
  route(app, endpoints.joinSession, async ({ user, params }) =>
    quizzes.getAttempt(await sessions.join(params.groupId, params.sessionId, user), user),
  )
  route(app, endpoints.findParticipants, async ({ user, params }) => ({
    items: await sessions.participants(params.groupId, params.sessionId, user),
  }))
  route(app, endpoints.getSessionResults, ({ user, params }) =>
    sessions.results(params.groupId, params.sessionId, user),
  )
  route(app, endpoints.createExtensionSession, ({ user, body }) =>
    sessions.createFromExtension(user, body),
  )
  route(app, endpoints.findSessionByCode, ({ user, params }) =>
    sessions.findByCode(params.code, user),
  )
  route(app, endpoints.findUserSessions, async ({ user, query }) => ({
    items: await sessions.findForUser(user, query.scope, query.limit),
  }))
}
