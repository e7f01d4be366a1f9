/*
 * The keys session queries live under, shared by the sessions feature (which defines the
 * queries) and the real-time hooks (which invalidate them when the server says they changed).
 */

/** Every session query (of any group, and mine across groups) starts with this key. */
export const sessionsRootKey = ['sessions'] as const

/** Every session query of one group lives under this key. */
export function groupSessionsQueryKey(groupId: string) {
  return [...sessionsRootKey, 'group', groupId] as const
}

/** The viewer's sessions across groups (the dashboard's lists). */
export const userSessionsQueryKey = [...sessionsRootKey, 'mine'] as const
