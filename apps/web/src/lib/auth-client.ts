import { createAuthClient } from 'better-auth/react'

/** Better Auth's client for sign-up, sign-in, sign-out and the session (cookie, same origin). */
export const authClient = createAuthClient({ baseURL: window.location.origin })

export type AuthSession = typeof authClient.$Infer.Session
export type AuthUser = AuthSession['user']
