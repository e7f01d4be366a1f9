import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value))

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .url()
      .refine((url) => /^postgres(ql)?:\/\//.test(url), 'must be a postgres:// URL')
      .optional(),
    REDIS_URL: z
      .url()
      .refine((url) => /^rediss?:\/\//.test(url), 'must be a redis:// or rediss:// URL')
      .optional(),
    REDIS_STREAM: z
      .string()
      .regex(/^[\w.:-]{1,64}$/, 'letters, digits and . : _ - only')
      .optional(),
    SMTP_URL: z
      .url()
      .refine((url) => /^smtps?:\/\//.test(url), 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('LoopQuiz <no-reply@localhost>'),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    TRUSTED_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      ),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    TRUST_PROXY: booleanFromEnv.default(false),
    DEMO_DATA: booleanFromEnv.default(true),
    WEB_DIST_DIR: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.AUTH_SECRET !== undefined, {
    message: 'is required in production (a random string of 32+ characters)',
    path: ['AUTH_SECRET'],
  })

const SECRET_VARIABLES = new Set(['AUTH_SECRET', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL'])

export type Env = z.infer<typeof envSchema>

/** Settings the server runs with, derived once from the environment. */
export interface Config {
  env: Env['NODE_ENV']
  host: string
  port: number
  publicUrl: string
  logLevel: Env['LOG_LEVEL']
  dataDir: string
  databaseUrl: string | undefined
  /** Several nodes share real-time rooms through Redis; without it, one node keeps them in memory. */
  redisUrl: string | undefined
  /**
   * The Redis stream (and pub/sub channel prefix) the nodes of one deployment share; another name
   * keeps a second deployment (or a parallel test run) on the same Redis apart.
   */
  redisStream: string | undefined
  authSecret: string | undefined
  /** Mail goes out through this SMTP server (credentials in the URL); without it, to `mailDir`. */
  smtpUrl: string | undefined
  /** The From of every mail, `Name <address>`. */
  mailFrom: string
  /** Where mail is written as .eml files when there is no SMTP server, for `/dev/mail`. */
  mailDir: string
  /**
   * Origins whose pages may send cookie-authenticated writes: PUBLIC_URL, TRUSTED_ORIGINS and,
   * outside production, the other loopback spellings of each loopback origin among them.
   * Better Auth and the app's own CSRF check both use this list.
   */
  trustedOrigins: string[]
  authRateLimitPerMinute: number
  trustProxy: boolean
  seedDemoData: boolean
  webDistDir: string
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Reads and validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0])
      // Secrets and connection strings are never echoed: they may hold passwords.
      const shown = SECRET_VARIABLES.has(name)
        ? ''
        : ` (got ${JSON.stringify(source[name] ?? null)})`
      return `  ${name}: ${issue.message}${shown}`
    })
    throw new ConfigError(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  const dataDir = path.resolve(env.DATA_DIR)
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    logLevel: env.LOG_LEVEL,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisStream: env.REDIS_STREAM,
    authSecret: env.AUTH_SECRET,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    mailDir: path.join(dataDir, 'mail'),
    trustedOrigins: trustedOriginsFor(env.NODE_ENV, publicUrl, env.TRUSTED_ORIGINS),
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    seedDemoData: env.DEMO_DATA,
    webDistDir: path.resolve(env.WEB_DIST_DIR),
  }
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

/**
 * The list of trusted origins. On a developer's machine the same server answers at
 * localhost, 127.0.0.1 and [::1] (it listens on 127.0.0.1 by default, and people open
 * whichever they type), so each loopback origin is trusted under all three spellings.
 * In production only what the operator listed is trusted.
 */
export function trustedOriginsFor(
  nodeEnv: Env['NODE_ENV'],
  publicUrl: string,
  extraOrigins: readonly string[],
): string[] {
  const listed = [publicUrl, ...extraOrigins].map((origin) => origin.replace(/\/+$/, ''))
  if (nodeEnv === 'production') return [...new Set(listed)]
  return [
    ...new Set(
      listed.flatMap((origin) => {
        const url = URL.parse(origin)
        if (!url || !LOOPBACK_HOSTS.includes(url.hostname)) return [origin]
        const port = url.port ? `:${url.port}` : ''
        return [origin, ...LOOPBACK_HOSTS.map((host) => `${url.protocol}//${host}${port}`)]
      }),
    ),
  ]
}
