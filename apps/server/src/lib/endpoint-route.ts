import { type Endpoint, type EndpointAuth, endpoints, errorBodySchema } from '@loopquiz/contract'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { AuthUser } from '../auth/auth.ts'
import { AppError } from './app-error.ts'

type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined

/** What a handler receives: parsed input, and the user when the endpoint needs one. */
export interface EndpointContext<E extends Endpoint> {
  params: OutputOf<E['params']>
  query: OutputOf<E['query']>
  body: OutputOf<E['body']>
  user: E['auth'] extends 'required' ? AuthUser : AuthUser | null
  request: FastifyRequest
  reply: FastifyReply
}

export type EndpointHandler<E extends Endpoint> = (
  context: EndpointContext<E>,
) => Promise<z.input<E['response']>>

/** The contract's name of each endpoint, which the OpenAPI document gives as its operationId. */
const endpointNames = new Map<Endpoint, string>(
  Object.entries(endpoints).map(([name, endpoint]) => [endpoint, name]),
)

/**
 * OpenAPI security requirements (schemes declared in plugins/docs.ts): a signed-in endpoint
 * takes a session cookie or a bearer token; an optional one also takes neither (`{}`); a
 * public one declares none, so that readers know it needs no credentials.
 */
const securityByAuth: Record<EndpointAuth, Record<string, string[]>[]> = {
  required: [{ session: [] }, { bearer: [] }],
  optional: [{}, { session: [] }, { bearer: [] }],
  none: [],
}

/**
 * Registers a contract endpoint: the contract's schemas validate input and serialize output
 * and feed the OpenAPI document; the handler only calls a service.
 */
export function route<E extends Endpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: EndpointHandler<E>,
) {
  const operationId = endpointNames.get(endpoint)
  if (operationId === undefined) {
    throw new Error(`${endpoint.method} ${endpoint.path} is not in the contract's endpoints`)
  }
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: {
      operationId,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      security: securityByAuth[endpoint.auth],
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: {
        [endpoint.successStatus]:
          endpoint.responseContentType === undefined
            ? endpoint.response
            : {
                description: endpoint.summary,
                content: { [endpoint.responseContentType]: { schema: endpoint.response } },
              },
        '4xx': errorBodySchema,
        '5xx': errorBodySchema,
      },
    },
    // Before validation: an anonymous caller learns they must sign in, not what the body lacks.
    onRequest:
      endpoint.auth === 'none'
        ? undefined
        : async (request) => {
            request.user = await app.resolveUser(request)
            if (endpoint.auth === 'required' && !request.user) {
              throw new AppError('UNAUTHENTICATED', { message: 'Sign in to do this.' })
            }
          },
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params,
        query: request.query,
        body: request.body,
        user: request.user,
        request,
        reply,
      } as EndpointContext<E>)
      reply.status(endpoint.successStatus)
      // Set before sending: Fastify then sends the text as it is instead of as JSON.
      if (endpoint.responseContentType !== undefined) {
        reply.header('content-type', endpoint.responseContentType)
      }
      return endpoint.successStatus === 204 ? reply.send() : result
    },
  })
}
