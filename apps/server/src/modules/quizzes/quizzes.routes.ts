import { endpoints } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import { route } from '../../lib/endpoint-route.ts'
import type { QuizzesService } from './quizzes.service.ts'

export function registerQuizRoutes(app: FastifyInstance, quizzes: QuizzesService) {
  route(app, endpoints.createShare, ({ user, body }) => quizzes.share(user, body))
  route(app, endpoints.findQuestionSets, ({ user, query }) => quizzes.findMine(user.id, query))
  route(app, endpoints.getMyQuestionSet, ({ user, params }) => quizzes.getMine(user, params.token))
  route(app, endpoints.setQuestionSetStatus, ({ user, params, body }) =>
    quizzes.setStatus(user, params.token, body.enabled),
  )
  route(app, endpoints.findQuestionSetAttempts, ({ user, params }) =>
    quizzes.findAttempts(user, params.token),
  )
  route(app, endpoints.findQuestionSetStats, ({ user, params }) =>
    quizzes.findStats(user, params.token),
  )
  route(app, endpoints.downloadQuestionSetAttempts, async ({ user, params, reply }) => {
    const { fileName, csv } = await quizzes.attemptsCsv(user, params.token)
    reply.header('content-disposition', `attachment; filename="${fileName}"`)
    return csv
  })
  route(app, endpoints.getQuestionSet, ({ user, params }) =>
    quizzes.getPublicSet(params.token, user),
  )
  route(app, endpoints.startAttempt, ({ user, params, body }) =>
    quizzes.startAttempt(params.token, user, body),
  )
  route(app, endpoints.findMyAttempts, ({ user, query }) => quizzes.findMyAttempts(user.id, query))
  route(app, endpoints.getAttempt, ({ user, params }) => quizzes.getAttempt(params.attemptId, user))
  route(app, endpoints.submitAnswer, ({ user, params, body }) =>
    quizzes.submitAnswer(params.attemptId, user, body),
  )
  route(app, endpoints.openQuestion, ({ user, params }) =>
    quizzes.openQuestion(params.attemptId, user, params.questionId),
  )
  route(app, endpoints.finishAttempt, ({ user, params }) =>
    quizzes.finishAttempt(params.attemptId, user),
  )
  route(app, endpoints.getAttemptResult, ({ user, params }) =>
    quizzes.getResult(params.attemptId, user),
  )
}
