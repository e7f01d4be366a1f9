import { endpoints } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import type { DatabaseHandle } from '../../db/database.ts'
import { route } from '../../lib/endpoint-route.ts'

export function registerSystemRoutes(
  app: FastifyInstance,
  database: DatabaseHandle,
  version: string,
) {
  route(app, endpoints.getHealth, async ({ reply }) => {
    const reachable = await database.isReachable()
    // A load balancer takes a node whose database is gone out of rotation.
    if (!reachable) reply.header('retry-after', '5')
    const health = {
      status: reachable ? ('ok' as const) : ('degraded' as const),
      version,
      database: { kind: database.kind, reachable },
    }
    if (!reachable) return reply.status(503).send(health)
    return health
  })
  route(app, endpoints.getMe, async ({ user }) => ({
    id: user.id,
    email: user.email,
    name: user.name,
  }))
}
