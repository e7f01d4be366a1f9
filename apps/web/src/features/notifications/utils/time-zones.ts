export interface TimeZoneChoice {
  value: string
  /** "America/New York (UTC−05:00)": the zone and its offset at the time asked for. */
  label: string
}

/**
 * The browser's IANA time zone; null when it cannot tell. Not lib/zoned-time's: that module
 * brings luxon along, and its fallback to UTC would offer UTC as "my current time zone".
 */
export function detectTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null
  } catch {
    return null
  }
}

/** "UTC+01:00" for Paris in winter, "UTC+00:00" for London; empty when the browser cannot tell. */
function offsetOf(zone: string, at: Date): string {
  try {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? ''
    if (!name.startsWith('GMT')) return ''
    return `UTC${name.slice(3) || '+00:00'}`
  } catch {
    return ''
  }
}

function labelOf(zone: string, at: Date): string {
  if (zone === 'UTC') return zone
  const offset = offsetOf(zone, at)
  const name = zone.replaceAll('_', ' ')
  return offset ? `${name} (${offset})` : name
}

/**
 * Every zone the browser knows, sorted, with `extra` (the saved zone, the detected one) kept
 * even when the browser lists it under another name (Asia/Calcutta for Asia/Kolkata).
 */
export function timeZoneChoices(
  extra: (string | null)[],
  at: Date = new Date(),
  known: string[] = Intl.supportedValuesOf('timeZone'),
): TimeZoneChoice[] {
  const zones = new Set([...known, 'UTC'])
  for (const zone of extra) if (zone) zones.add(zone)
  return [...zones].sort().map((zone) => ({ value: zone, label: labelOf(zone, at) }))
}
