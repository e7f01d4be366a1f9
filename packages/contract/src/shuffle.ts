/**
 * The order one participant sees a session's questions or options in, when the session shuffles:
 * the same for that participant on every device and after every reload (seeded by session and
 * user), different between participants. Server and clients share it, so answers keep naming
 * option ids and nothing about grading changes.
 */
export function shuffledFor<T>(items: readonly T[], seed: string): T[] {
  const random = mulberry32(hashOf(seed))
  const result = [...items]
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = result[i] as T
    result[i] = result[j] as T
    result[j] = swap
  }
  return result
}

/** The seed of one participant's order in one session; `kind` keeps question and option orders apart. */
export const shuffleSeed = (sessionId: string, userId: string, kind: string) =>
  `${sessionId}:${userId}:${kind}`

function hashOf(text: string): number {
  // FNV-1a, 32 bits: spreads similar seeds apart.
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function mulberry32(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
