import { useCallback, useState } from 'react'
import { safeStorage } from '../../../lib/storage'

const keyOf = (token: string) => `loopquiz:attempt:${token}`

/** Remembers an attempt for a share token so a reload (or the dashboard) can resume it. */
export function rememberAttempt(token: string, attemptId: string): void {
  safeStorage.set(keyOf(token), attemptId)
}

/** The attempt at this question set remembered in this browser, and a setter that persists. */
export function useStoredAttemptId(token: string) {
  const [attemptId, setAttemptIdState] = useState(() => safeStorage.get(keyOf(token)))
  const setAttemptId = useCallback(
    (next: string | null) => {
      if (next) safeStorage.set(keyOf(token), next)
      else safeStorage.remove(keyOf(token))
      setAttemptIdState(next)
    },
    [token],
  )
  return [attemptId, setAttemptId] as const
}

const displayNameKey = 'loopquiz:display-name'

/** The display name a guest used last time, to prefill the next quiz. */
export const lastDisplayName = {
  get: () => safeStorage.get(displayNameKey) ?? '',
  set: (name: string) => safeStorage.set(displayNameKey, name),
}
