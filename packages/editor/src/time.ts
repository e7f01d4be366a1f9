// Moments in a video are shown and typed as a clock with tenths of a second: "m:ss.s",
// or "h:mm:ss.s" past the hour.

/** Formats seconds as "m:ss.s" ("h:mm:ss.s" from one hour), rounded to the tenth. */
export function formatClock(seconds: number): string {
  const tenths = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 10) : 0
  const hours = Math.floor(tenths / 36_000)
  const minutes = Math.floor((tenths % 36_000) / 600)
  const secondTenths = tenths % 600
  const secondsText = `${String(Math.floor(secondTenths / 10)).padStart(2, '0')}.${secondTenths % 10}`
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${secondsText}`
  return `${minutes}:${secondsText}`
}

const SECONDS_ONLY = /^(\d+(?:\.\d+)?)$/
const MINUTES_SECONDS = /^(\d+):(\d{2}(?:\.\d+)?)$/
const HOURS_MINUTES_SECONDS = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/

/**
 * Reads "m:ss.s", "m:ss", "ss.s", "ss" or "h:mm:ss(.s)" as seconds; null for anything else,
 * including minutes or seconds of 60 or more after a colon.
 */
export function parseClock(text: string): number | null {
  const value = text.trim()
  const seconds = SECONDS_ONLY.exec(value)
  if (seconds) return roundMillis(Number(seconds[1]))

  const minutesSeconds = MINUTES_SECONDS.exec(value)
  if (minutesSeconds) {
    const s = Number(minutesSeconds[2])
    if (s >= 60) return null
    return roundMillis(Number(minutesSeconds[1]) * 60 + s)
  }

  const full = HOURS_MINUTES_SECONDS.exec(value)
  if (full) {
    const m = Number(full[2])
    const s = Number(full[3])
    if (m >= 60 || s >= 60) return null
    return roundMillis(Number(full[1]) * 3600 + m * 60 + s)
  }
  return null
}

// Sums like 60 + 15.3 pick up binary noise (75.30000000000001); a millisecond is finer
// than any player reports.
function roundMillis(seconds: number): number {
  return Math.round(seconds * 1000) / 1000
}
