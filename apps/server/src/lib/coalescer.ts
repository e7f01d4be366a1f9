/**
 * Collects updates per key (a session) and hands them over together, so that a thousand answers
 * make a few broadcasts per session, not a thousand. The first update after a quiet spell goes
 * out at once (on the next turn of the event loop, with whatever arrived in the same turn); later
 * ones wait until `intervalMs` has passed since the last delivery of that key. A later update of
 * the same entry replaces the earlier one (each carries a new total, never a delta).
 */
export interface Coalescer<V> {
  add(key: string, entryId: string, value: V): void
  /** Hands over everything pending now (on shutdown, or in tests). */
  flush(): void
  stop(): void
}

/** Keys whose last delivery is remembered, at most; a forgotten key simply delivers at once. */
const REMEMBERED_KEYS = 10_000

export function createCoalescer<V>(
  /** The least time between two deliveries of one key; a function to space large rooms further. */
  intervalMs: number | ((key: string) => number),
  deliver: (key: string, values: V[]) => void,
): Coalescer<V> {
  const pending = new Map<string, Map<string, V>>()
  const timers = new Map<string, NodeJS.Timeout>()
  const lastDelivered = new Map<string, number>()
  const intervalOf = typeof intervalMs === 'number' ? () => intervalMs : intervalMs

  function send(key: string) {
    timers.delete(key)
    const entries = pending.get(key)
    pending.delete(key)
    if (!entries) return
    lastDelivered.delete(key)
    lastDelivered.set(key, performance.now())
    if (lastDelivered.size > REMEMBERED_KEYS) {
      const oldest = lastDelivered.keys().next()
      if (!oldest.done) lastDelivered.delete(oldest.value)
    }
    deliver(key, [...entries.values()])
  }

  return {
    add(key, entryId, value) {
      let entries = pending.get(key)
      if (!entries) {
        entries = new Map()
        pending.set(key, entries)
      }
      entries.set(entryId, value)
      if (timers.has(key)) return
      const last = lastDelivered.get(key)
      const wait = last === undefined ? 0 : Math.max(0, last + intervalOf(key) - performance.now())
      timers.set(
        key,
        setTimeout(() => send(key), wait),
      )
    },
    flush() {
      for (const [key, timer] of timers) {
        clearTimeout(timer)
        send(key)
      }
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      pending.clear()
      lastDelivered.clear()
    },
  }
}
