import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { bearer } from 'better-auth/plugins'
import type { FastifyBaseLogger } from 'fastify'
import type { Database } from '../db/database.ts'
import { accounts, rateLimits, sessions, users, verifications } from '../db/schema/auth.ts'

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
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128 },
    // Sessions last 30 days and slide forward once a day of use.
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
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
