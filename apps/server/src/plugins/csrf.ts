import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../lib/app-error.ts'

const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Better Auth's catch-all route: it checks the origin of its own requests. */
const AUTH_ROUTE = '/api/auth/*'

/**
 * Why a cookie-authenticated write may not come from where it says, or null when it may.
 *
 * A cookie rides along with any request the browser makes to us, whichever page starts
 * it, so a cookie proves who the user is, not that our page asked. The Origin header
 * says which page asked; when it is absent, Sec-Fetch-Site says whether the page was
 * ours ("same-origin") or the user typed the address ("none").
 */
function untrustedOriginOf(
  headers: FastifyRequest['headers'],
  trustedOrigins: ReadonlySet<string>,
): string | null {
  const origin = headers.origin
  if (origin !== undefined) {
    // Browsers send "null" from sandboxed frames, data: URLs and some redirects: never ours.
    return trustedOrigins.has(origin) ? null : origin
  }
  const site = headers['sec-fetch-site']
  if (site === 'same-origin' || site === 'none') return null
  // Every current browser sends Origin on a cross-origin POST, PUT, PATCH or DELETE (and
  // on same-origin ones from fetch), so a cookie write with neither header comes from an
  // old browser or a script; refusing it is the safe side, and scripts can use a token.
  return site ?? 'no Origin header'
}

/**
 * Refuses state-changing requests authenticated by session cookie unless a trusted
 * origin sent them (CSRF), as Better Auth already does under /api/auth. Requests with a
 * bearer token (the extension) or no credentials are left alone: a foreign page cannot
 * add an Authorization header without a CORS preflight, which this server never grants.
 */
export function registerCsrfProtection(app: FastifyInstance, trustedOrigins: readonly string[]) {
  const trusted = new Set(trustedOrigins)
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING_METHODS.has(request.method)) return
    if (request.routeOptions.url === AUTH_ROUTE) return
    if (/^bearer\s/i.test(request.headers.authorization ?? '')) return
    if (request.headers.cookie === undefined) return
    const untrusted = untrustedOriginOf(request.headers, trusted)
    if (untrusted === null) return
    request.log.warn({ origin: untrusted }, 'refused a cookie write from an untrusted origin')
    throw new AppError('FORBIDDEN', {
      message:
        'This request came from an untrusted origin. Use LoopQuiz from its own address, or sign in with a token.',
    })
  })
}
