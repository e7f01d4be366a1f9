import { endpoints } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import { route } from '../../lib/endpoint-route.ts'
import type { AccountService } from './account.service.ts'

/** The product's part of the profile; name, password, sessions and the delete are Better Auth's. */
export function registerAccountRoutes(app: FastifyInstance, account: AccountService) {
  route(app, endpoints.getAccountDeletion, ({ user }) => account.previewDeletion(user.id))
}
