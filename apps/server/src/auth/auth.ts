import { passwordRules } from '@loopquiz/contract'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { APIError, createAuthMiddleware } from 'better-auth/api'
import { bearer } from 'better-auth/plugins'
import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../db/database.ts'
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema/auth.ts'
import { AppError } from '../lib/app-error.ts'
import { statusOf } from '../plugins/error-handler.ts'

/** Header the server sets from the connection's address; any value a client sends is replaced. */
export const CLIENT_IP_HEADER = 'x-loopquiz-client-ip'

export interface AuthOptions {
  db: Database
  secret: string
  baseUrl: string
  /** The config's list, which already holds the base URL (and, in development, its loopback spellings). */
  trustedOrigins: string[]
  signInPerMinute: number
  /** Better Auth's own messages go to the app's log, not the console. */
  logger: Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>
  /**
   * Runs before Better Auth deletes a user: refuses by throwing an AppError, or clears what
   * would otherwise stay behind or block the delete.
   */
  beforeDeleteUser?: (user: { id: string; email: string; name: string }) => Promise<void>
  /**
   * Queues the mail of an address confirmation or a password reset. Queued, not sent in the
   * request: the answer takes as long whether the account exists or not.
   */
  sendAccountMail?: (
    kind: 'verify_email' | 'reset_password',
    to: { name: string; email: string },
    url: string,
  ) => Promise<void>
}

export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: 'LoopQuiz',
    logger: {
      log: (level, message) => options.logger[level]({ component: 'auth' }, message),
    },
    baseURL: options.baseUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: options.trustedOrigins,
    database: drizzleAdapter(options.db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        rateLimit: rateLimits,
      },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: passwordRules.minLength,
      maxPasswordLength: passwordRules.maxLength,
      // Signing in works before the address is confirmed; accepting an invitation does not.
      requireEmailVerification: false,
      sendResetPassword: async ({ user, url }) => {
        await options.sendAccountMail?.('reset_password', user, url)
      },
      // Whoever reset the password may be taking the account back: every other sign-in ends.
      revokeSessionsOnPasswordReset: true,
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await options.sendAccountMail?.('verify_email', user, url)
      },
    },
    // Sessions last 30 days and slide forward once a day of use.
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    user: {
      deleteUser: {
        enabled: true,
        beforeDelete: async (user) => {
          try {
            await options.beforeDeleteUser?.(user)
          } catch (error) {
            // Better Auth answers with its own error type; keep the product's code and words.
            if (!(error instanceof AppError)) throw error
            throw new APIError(statusOf[error.code] as ConstructorParameters<typeof APIError>[0], {
              code: error.code,
              message: error.message,
              details: error.details,
            })
          }
        },
      },
    },
    hooks: {
      // Without a password Better Auth deletes on a session younger than a day; an account
      // goes only with its password.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/delete-user') return
        const password: unknown = ctx.body?.password
        if (typeof password !== 'string' || password === '') {
          throw new APIError('BAD_REQUEST', {
            code: 'PASSWORD_REQUIRED',
            message: 'Enter your password to delete your account.',
          })
        }
      }),
    },
    plugins: [bearer()],
    rateLimit: {
      enabled: true,
      // In the database so the limit holds across server nodes.
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: options.signInPerMinute },
        '/sign-up/email': { window: 60, max: options.signInPerMinute },
      },
    },
    advanced: {
      // Better Auth turns these checks off when NODE_ENV is test; keep them on so the
      // tests exercise what production does.
      disableOriginCheck: false,
      disableCSRFCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      database: { generateId: () => crypto.randomUUID() },
    },
  })
}

export type Auth = ReturnType<typeof createAuth>
export type AuthUser = Auth['$Infer']['Session']['user']
