import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fromNodeHeaders } from 'better-auth/node'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type Auth, type AuthUser, CLIENT_IP_HEADER } from '../auth/auth.ts'

declare module 'fastify' {
  interface FastifyRequest {
    user: AuthUser | null
  }
}

/**
 * Without AUTH_SECRET (development), a random secret is kept in the data directory so
 * sessions survive restarts without anyone committing a secret.
 */
export async function readOrCreateDevSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'auth-secret')
  try {
    return (await readFile(file, 'utf8')).trim()
  } catch {
    await mkdir(dataDir, { recursive: true })
    const secret = randomBytes(32).toString('base64url')
    await writeFile(file, secret, { mode: 0o600 })
    return secret
  }
}

function headersOf(request: FastifyRequest): Headers {
  const headers = fromNodeHeaders(request.headers)
  headers.set(CLIENT_IP_HEADER, request.ip)
  return headers
}

/** Resolves the user of a request from its session cookie or bearer token. */
export async function resolveUser(auth: Auth, request: FastifyRequest): Promise<AuthUser | null> {
  const session = await auth.api.getSession({ headers: headersOf(request) })
  return session?.user ?? null
}

/** Mounts Better Auth's handler at /api/auth/* by turning the request into a Fetch Request. */
export function registerAuthRoutes(app: FastifyInstance, auth: Auth) {
  app.decorateRequest('user', null)
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, `${request.protocol}://${request.host}`)
      const response = await auth.handler(
        new Request(url, {
          method: request.method,
          headers: headersOf(request),
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        }),
      )
      reply.status(response.status)
      for (const [name, value] of response.headers) {
        if (name !== 'set-cookie') reply.header(name, value)
      }
      const cookies = response.headers.getSetCookie()
      if (cookies.length > 0) reply.header('set-cookie', cookies)
      return reply.send(response.body ? await response.text() : null)
    },
  })
}
