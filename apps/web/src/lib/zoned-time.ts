import { DateTime } from 'luxon'

/** The browser's IANA time zone, e.g. Europe/Paris; UTC when the browser cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

/** A time zone for people to read: "America/New_York" → "America/New York". */
export function zoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ')
}

/** A wall-clock date and time in some zone, as date and time inputs hold them. */
export interface WallTime {
  /** YYYY-MM-DD */
  date: string
  /** HH:MM (24-hour) */
  time: string
}

/**
 * The instant at which a wall clock in `zone` shows `date` `time`, or null when the input is
 * incomplete. A time skipped by a daylight-saving change moves forward by the gap, as clocks do.
 */
export function wallTimeToInstant({ date, time }: WallTime, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const local = DateTime.fromISO(`${date}T${time}`, { zone })
  return local.isValid ? local.toJSDate() : null
}

/** What a wall clock in `zone` shows at `instant`. */
export function instantToWallTime(instant: Date | string, zone: string): WallTime {
  const local = DateTime.fromJSDate(new Date(instant), { zone })
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') }
}

/** The first instant of a calendar day in `zone` (midnight there), or null for a bad date. */
export function startOfDayInZone(date: string, zone: string, plusDays = 0): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  const day = DateTime.fromISO(date, { zone })
  return day.isValid ? day.startOf('day').plus({ days: plusDays }).toJSDate() : null
}

/** The weekday (0 = Sunday … 6 = Saturday) of a YYYY-MM-DD date. */
export function weekdayOf(date: string): number | null {
  const day = DateTime.fromISO(date, { zone: 'UTC' })
  return day.isValid ? day.weekday % 7 : null
}

const formats = new Map<string, Intl.DateTimeFormat>()

function formatFor(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`
  let format = formats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone })
    formats.set(key, format)
  }
  return format
}

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
}
const timeOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' }
const dayOptions: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' }

/** "Tue, 3 Dec, 18:00" on the wall clock of `zone`, in the viewer's language. */
export function formatDateTimeIn(instant: Date | string, zone: string): string {
  return formatFor(zone, dateTimeOptions).format(new Date(instant))
}

/** "18:00" on the wall clock of `zone`. */
export function formatTimeIn(instant: Date | string, zone: string): string {
  return formatFor(zone, timeOptions).format(new Date(instant))
}

/** Whether two zones show the same date and time at `instant` (then one of them is enough). */
export function isSameWallClock(instant: Date | string, zoneA: string, zoneB: string): boolean {
  const at = new Date(instant)
  const full = { ...dayOptions, ...timeOptions }
  return formatFor(zoneA, full).format(at) === formatFor(zoneB, full).format(at)
}

/** Whether two zones are on the same calendar day at `instant`. */
export function isSameDay(instant: Date | string, zoneA: string, zoneB: string): boolean {
  const at = new Date(instant)
  return formatFor(zoneA, dayOptions).format(at) === formatFor(zoneB, dayOptions).format(at)
}
