/** Which database a server under test runs on. */
export type DatabaseKind = 'pglite' | 'postgres'

export interface Settings {
  databases: DatabaseKind[]
  /** Measured seconds per scenario. */
  durationS: number
  /** Unmeasured seconds before each scenario, so JIT, caches and pools are warm. */
  warmupS: number
  connections: number
  /** Admin connection used only to create and drop the bench's own database. */
  postgresAdminUrl: string
}

const DEFAULT_POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test'

/** Reads BENCH_* variables; the defaults keep a full run near 100 s on 2 cores. */
export function loadSettings(env: NodeJS.ProcessEnv): Settings {
  return {
    databases: parseDatabases(env.BENCH_DATABASES ?? 'pglite,postgres'),
    durationS: parseNumber('BENCH_DURATION_S', env.BENCH_DURATION_S, 10, 1, 60),
    warmupS: parseNumber('BENCH_WARMUP_S', env.BENCH_WARMUP_S, 2, 0, 30),
    connections: parseNumber('BENCH_CONNECTIONS', env.BENCH_CONNECTIONS, 10, 1, 200),
    postgresAdminUrl: env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_ADMIN_URL,
  }
}

function parseDatabases(list: string): DatabaseKind[] {
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  const kinds = names.filter(
    (name): name is DatabaseKind => name === 'pglite' || name === 'postgres',
  )
  if (kinds.length === 0 || kinds.length !== names.length) {
    throw new Error(`BENCH_DATABASES must list pglite and/or postgres (got "${list}")`)
  }
  return [...new Set(kinds)]
}

export function parseNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  // Bounded so a typo cannot turn the bench into a long load test.
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max} (got "${raw}")`)
  }
  return value
}
