/** Seconds as a clock: 75 → "1:15", 3725 → "1:02:05". */
export function formatSeconds(totalSeconds: number): string {
  const whole = Math.max(0, Math.floor(totalSeconds))
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const seconds = whole % 60
  const ss = String(seconds).padStart(2, '0')
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`
  return `${minutes}:${ss}`
}

/** A loop's segment: "0:12–0:45". */
export function formatSegment(startS: number, endS: number): string {
  return `${formatSeconds(startS)}–${formatSeconds(endS)}`
}

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "3 hours ago", "yesterday", "just now", in the viewer's language. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const diffS = (new Date(iso).getTime() - now) / 1000
  for (const [unit, size] of units) {
    if (Math.abs(diffS) >= size) return relativeFormat.format(Math.round(diffS / size), unit)
  }
  return 'just now'
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
})

/** A full date and time in the viewer's timezone. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso))
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** A date (no time) in the viewer's timezone. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

/** Score as a whole percentage; 0 when there is nothing to score. */
export function toPercent(score: number, maxScore: number): number {
  return maxScore > 0 ? Math.round((score / maxScore) * 100) : 0
}

/** "Ada Lovelace" → "AL", "Cher" → "C": for avatars. */
export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts.at(-1)] : [parts[0]]
  return letters
    .map((part) => part?.[0] ?? '')
    .join('')
    .toUpperCase()
}
