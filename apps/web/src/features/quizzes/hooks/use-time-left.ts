import { useEffect, useState } from 'react'

/** Milliseconds until `deadlineMs` (never below 0), ticking; null when there is no deadline. */
export function useTimeLeft(deadlineMs: number | null, tickMs = 250): number | null {
  const [now, setNow] = useState(Date.now)
  const isRunning = deadlineMs !== null && now < deadlineMs
  useEffect(() => {
    if (!isRunning) return
    const timer = window.setInterval(() => setNow(Date.now()), tickMs)
    return () => window.clearInterval(timer)
  }, [isRunning, tickMs])
  return deadlineMs === null ? null : Math.max(0, deadlineMs - now)
}
