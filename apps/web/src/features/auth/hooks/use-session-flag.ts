import { useState } from 'react'

function read(key: string): boolean {
  try {
    return window.sessionStorage.getItem(key) === 'true'
  } catch {
    // Storage refused (a private window, a policy): the flag just is not remembered.
    return false
  }
}

/** A yes/no this browser tab remembers under `key` until it is closed, e.g. a dismissed notice. */
export function useSessionFlag(key: string): [boolean, () => void] {
  const [isSet, setIsSet] = useState(() => read(key))
  function set() {
    setIsSet(true)
    try {
      window.sessionStorage.setItem(key, 'true')
    } catch {
      // As above: it holds until the page is left.
    }
  }
  return [isSet, set]
}
