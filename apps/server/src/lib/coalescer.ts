/**
 * Collects updates per key and hands them over together on a short tick, so that a thousand
 * answers in one tick make one broadcast per session, not a thousand. A later update of the
 * same entry replaces the earlier one (each carries a new total, never a delta).
 */
export interface Coalescer<V> {
  add(key: string, entryId: string, value: V): void
  /** Hands over everything pending now (on shutdown, or in tests). */
  flush(): void
  stop(): void
}

export function createCoalescer<V>(
  intervalMs: number,
  deliver: (key: string, values: V[]) => void,
): Coalescer<V> {
  let pending = new Map<string, Map<string, V>>()
  let timer: NodeJS.Timeout | null = null

  function flush() {
    timer = null
    const batch = pending
    pending = new Map()
    for (const [key, entries] of batch) deliver(key, [...entries.values()])
  }

  return {
    add(key, entryId, value) {
      let entries = pending.get(key)
      if (!entries) {
        entries = new Map()
        pending.set(key, entries)
      }
      entries.set(entryId, value)
      timer ??= setTimeout(flush, intervalMs)
    },
    flush() {
      if (timer) clearTimeout(timer)
      flush()
    },
    stop() {
      if (timer) clearTimeout(timer)
      timer = null
      pending = new Map()
    },
  }
}
