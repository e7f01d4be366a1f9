import { createAuthClient } from 'better-auth/react'

/** Better Auth's client for sign-up, sign-in, sign-out and the session (cookie, same origin). */
// No window when the build prerenders pages (prerender.tsx): the client is made, never used.
export const authClient = createAuthClient({ baseURL: globalThis.location?.origin })

export type AuthSession = typeof authClient.$Infer.Session
export type AuthUser = AuthSession['user']
