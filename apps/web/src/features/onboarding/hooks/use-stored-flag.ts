import { useState } from 'react'

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === 'true'
  } catch {
    // Storage refused (a private window, a policy): the flag just is not remembered.
    return false
  }
}

/** A yes/no the browser remembers under `key`, e.g. that a card was dismissed. */
export function useStoredFlag(key: string): [boolean, () => void] {
  const [isSet, setIsSet] = useState(() => read(key))
  function set() {
    setIsSet(true)
    try {
      window.localStorage.setItem(key, 'true')
    } catch {
      // As above: it holds for this visit only.
    }
  }
  return [isSet, set]
}
