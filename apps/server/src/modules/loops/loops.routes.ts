import { endpoints } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import { route } from '../../lib/endpoint-route.ts'
import type { LoopsService } from './loops.service.ts'

export function registerLoopRoutes(app: FastifyInstance, loops: LoopsService) {
  route(app, endpoints.createLoop, ({ user, body }) => loops.createOrUpdate(user.id, body))
  route(app, endpoints.findLoops, ({ user, query }) => loops.find(user.id, query))
  route(app, endpoints.findRecentLoops, ({ user, query }) => loops.find(user.id, query))
  route(app, endpoints.getLoop, ({ user, params }) => loops.get(user.id, params.loopId))
  route(app, endpoints.updateLoop, ({ user, params, body }) =>
    loops.update(user.id, params.loopId, body),
  )
  route(app, endpoints.deleteLoop, async ({ user, params }) => {
    await loops.delete(user.id, params.loopId)
    return {}
  })
}
