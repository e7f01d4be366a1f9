import { createTtlCache } from './ttl-cache.ts'

/**
 * What the answer path reads per session, kept per node: the first caller loads it, everyone
 * asking meanwhile shares that load, and whoever changes the thing drops it (`delete`, wired to
 * the cluster-wide stale signal). `ttlMs` bounds how long an entry lives if a change ever comes
 * without a signal; `maxEntries` bounds memory (the oldest go first). A failed load is forgotten,
 * so the next caller tries again.
 */
export function createLoadingCache<V>(
  load: (key: string) => Promise<V>,
  { ttlMs, maxEntries }: { ttlMs: number; maxEntries: number },
) {
  const loads = createTtlCache<Promise<V>>(ttlMs, maxEntries)

  return {
    get(key: string): Promise<V> {
      const cached = loads.get(key)
      if (cached) return cached
      const value = load(key)
      loads.set(key, value)
      value.catch(() => {
        // Only this load: a newer one may have replaced it meanwhile.
        if (loads.get(key) === value) loads.delete(key)
      })
      return value
    },
    delete: loads.delete,
    deletePrefix: loads.deletePrefix,
  }
}

export type LoadingCache<V> = ReturnType<typeof createLoadingCache<V>>
