import { useEffect, useRef } from 'react'

/**
 * Moves keyboard and screen-reader focus to an element when it appears, e.g. the next
 * question's heading or the "Next question" button after an answer.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return ref
}
