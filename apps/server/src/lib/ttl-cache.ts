/**
 * A map whose entries expire after `ttlMs` and that never holds more than `maxEntries` (the
 * oldest go first). For the answer path: what every answer would otherwise read or write again.
 */
export function createTtlCache<V>(ttlMs: number, maxEntries = 50_000) {
  const entries = new Map<string, { value: V; expiresAt: number }>()
  return {
    get(key: string): V | undefined {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.expiresAt <= performance.now()) {
        entries.delete(key)
        return undefined
      }
      return entry.value
    },
    set(key: string, value: V) {
      entries.delete(key)
      entries.set(key, { value, expiresAt: performance.now() + ttlMs })
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next()
        if (!oldest.done) entries.delete(oldest.value)
      }
    },
    delete(key: string) {
      entries.delete(key)
    },
    /** Drops every entry whose key starts with `prefix`. */
    deletePrefix(prefix: string) {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key)
    },
  }
}
