import { z } from 'zod'

const testEnvSchema = z.object({
  TEST_DB_DRIVER: z.enum(['pglite', 'postgres']).default('pglite'),
  TEST_DATABASE_URL: z.url().optional(),
  /** Redis for the two-node tests (they need PostgreSQL too). */
  TEST_REDIS_URL: z.url().optional(),
  /** Replays a run of the contract fuzz test: the seed its failure message printed. */
  FUZZ_SEED: z.coerce.number().int().optional(),
})

/** Which database the integration tests run on: PGlite, or PostgreSQL at TEST_DATABASE_URL. */
export function loadTestEnv(source: NodeJS.ProcessEnv = process.env) {
  const env = testEnvSchema.parse(source)
  if (env.TEST_DB_DRIVER === 'postgres' && !env.TEST_DATABASE_URL) {
    throw new Error('TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL (an admin connection URL)')
  }
  return {
    driver: env.TEST_DB_DRIVER,
    adminUrl: env.TEST_DATABASE_URL,
    redisUrl: env.TEST_REDIS_URL,
    fuzzSeed: env.FUZZ_SEED,
  }
}
