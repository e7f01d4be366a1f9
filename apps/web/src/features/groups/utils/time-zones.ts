function offsetOf(zone: string, at: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      timeZoneName: 'shortOffset',
    }).formatToParts(at)
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? ''
  } catch {
    return ''
  }
}

export interface TimeZoneOption {
  value: string
  label: string
}

let knownZones: TimeZoneOption[] | null = null

/** Every time zone the browser knows, labelled with its current UTC offset: "Europe/Paris (GMT+1)". */
function allTimeZones(): TimeZoneOption[] {
  if (knownZones) return knownZones
  const now = new Date()
  const zones = new Set(Intl.supportedValuesOf('timeZone'))
  zones.add('UTC')
  knownZones = [...zones].sort().map((zone) => {
    const offset = offsetOf(zone, now)
    const name = zone.replaceAll('_', ' ')
    return { value: zone, label: offset ? `${name} (${offset})` : name }
  })
  return knownZones
}

/** The options of a time zone select; `current` is kept even if the browser lists it otherwise. */
export function timeZoneOptions(current: string): TimeZoneOption[] {
  const zones = allTimeZones()
  if (zones.some((zone) => zone.value === current)) return zones
  return [{ value: current, label: current.replaceAll('_', ' ') }, ...zones]
}
