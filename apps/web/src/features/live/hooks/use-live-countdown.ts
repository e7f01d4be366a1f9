import type { LiveState } from '@loopquiz/contract'
import { useEffect, useState } from 'react'
import { serverNow } from '../../../lib/realtime'
import { effectivePhase, timeLeftMs, wholeSeconds } from '../utils/live-clock'

/** How often the clock is read: the shown second flips within this of the server's. */
const TICK_MS = 100

export interface LiveCountdown {
  /** The phase as the clock shows it: a question past its deadline is locked already. */
  phase: LiveState['phase'] | null
  /** Time left to answer in ms (frozen while paused), null when no countdown runs. */
  msLeft: number | null
}

/**
 * The shared countdown on the server's clock (this tab's offset corrected), read every 100 ms;
 * the page re-renders only when the whole second shown changes, and when the deadline passes.
 */
export function useLiveCountdown(state: LiveState | null, limitMs: number | null): LiveCountdown {
  const deadlineMs =
    state?.phase === 'question' && state.deadline ? Date.parse(state.deadline) : null
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    if (deadlineMs === null) return
    const secondsAt = (at: number) => wholeSeconds(Math.max(0, deadlineMs - at))
    const update = () => {
      const at = serverNow()
      setNow((shown) => (secondsAt(shown) === secondsAt(at) ? shown : at))
    }
    update()
    const timer = window.setInterval(update, TICK_MS)
    return () => window.clearInterval(timer)
    // Each tick reads the clock anew, so a better offset estimate shows within one tick.
  }, [deadlineMs])

  if (!state) return { phase: null, msLeft: null }
  const left = timeLeftMs(state, now)
  return {
    phase: effectivePhase(state, now),
    // The offset carries the reply's travel time: never show more than the whole limit.
    msLeft: left === null ? null : Math.min(left, limitMs ?? left),
  }
}
