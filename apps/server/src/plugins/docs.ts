import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { jsonSchemaTransform } from 'fastify-type-provider-zod'

/**
 * OpenAPI 3.1 generated from the contract's zod schemas, browsable at /api/docs (the document
 * itself at /api/docs/json). Operations are named and secured per endpoint in lib/endpoint-route.ts.
 */
export async function registerDocs(
  app: FastifyInstance,
  { version, publicUrl }: { version: string; publicUrl: string },
) {
  // Better Auth prefixes its cookies with __Secure- when the app is served over https.
  const sessionCookie = `${publicUrl.startsWith('https://') ? '__Secure-' : ''}better-auth.session_token`
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'LoopQuiz API',
        version,
        description:
          'Every request and response is described by the zod schemas of @loopquiz/contract. ' +
          'Authentication (sign-up, sign-in, sign-out) lives under /api/auth/* (Better Auth).',
      },
      servers: [{ url: publicUrl, description: 'This LoopQuiz server' }],
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: sessionCookie,
            description: 'The session cookie the web app gets from /api/auth/sign-in/email.',
          },
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'The session token (the set-auth-token header of sign-in), as the extension sends it.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI's own policy in place of the app's, with two changes: it injects <style>
    // elements, so its styles may be inline (the page shows only our own document), and
    // no upgrade-insecure-requests, which would break it on http://localhost.
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(/\s*upgrade-insecure-requests;?/, '')
        .replace(/style-src ([^;]*);/, "style-src $1 'unsafe-inline';"),
  })
}
