/** "UTC+01:00" for Paris in winter, "UTC+00:00" for London; empty when the browser cannot tell. */
function offsetOf(zone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      timeZoneName: 'longOffset',
    }).formatToParts(at)
    const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? ''
    if (!name.startsWith('GMT')) return ''
    return `UTC${name.slice(3) || '+00:00'}`
  } catch {
    return ''
  }
}

export interface TimeZoneOption {
  value: string
  /** "Europe/Paris — Paris (UTC+01:00)": the zone id, its city, and its offset today. */
  label: string
}

/** "America/Argentina/Buenos_Aires" → "Buenos Aires". */
function cityOf(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ')
}

function labelOf(zone: string, at: Date): string {
  const offset = offsetOf(zone, at)
  const city = cityOf(zone)
  const name = city === zone ? zone : `${zone} — ${city}`
  return offset ? `${name} (${offset})` : name
}

let knownZones: TimeZoneOption[] | null = null

/** Every time zone the browser knows, labelled with its city and current UTC offset. */
function allTimeZones(): TimeZoneOption[] {
  if (knownZones) return knownZones
  const now = new Date()
  const zones = new Set(Intl.supportedValuesOf('timeZone'))
  zones.add('UTC')
  knownZones = [...zones].sort().map((zone) => ({ value: zone, label: labelOf(zone, now) }))
  return knownZones
}

/** The time zones to pick from; `current` is kept even if the browser lists it otherwise. */
export function timeZoneOptions(current: string): TimeZoneOption[] {
  const zones = allTimeZones()
  if (zones.some((zone) => zone.value === current)) return zones
  return [{ value: current, label: labelOf(current, new Date()) }, ...zones]
}

/** Lower case, underscores as spaces, runs of spaces as one: "New_York" and "new  york" match. */
function normalize(text: string): string {
  return text.toLowerCase().replaceAll('_', ' ').replace(/\s+/g, ' ').trim()
}

/**
 * The zones whose id or label contain what was typed: cities that start with it first, then
 * zones with a word that starts with it, then the rest ("york" → America/New_York, "lon" → Longyearbyen and London before Barcelona).
 */
export function matchTimeZones(zones: TimeZoneOption[], query: string): TimeZoneOption[] {
  const needle = normalize(query)
  if (!needle) return zones
  const rank = (zone: TimeZoneOption) => {
    const label = normalize(zone.label)
    if (!label.includes(needle)) return -1
    if (normalize(cityOf(zone.value)).startsWith(needle)) return 0
    return label.split(/[\s/(]+/).some((word) => word.startsWith(needle)) ? 1 : 2
  }
  return zones
    .map((zone) => ({ zone, rank: rank(zone) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.zone)
}
