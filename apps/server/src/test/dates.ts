import { DateTime } from 'luxon'

/**
 * Dates for tests, derived from the clock: a test that names a fixed future day starts
 * failing on its own once that day has passed.
 */

/** Luxon's weekday numbers: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

/** "HH:MM" on the wall clock. */
type Clock = `${number}:${number}`

export const TUESDAY: Weekday = 2
export const WEDNESDAY: Weekday = 3
export const THURSDAY: Weekday = 4

function at(day: DateTime, clock: Clock): DateTime {
  const [hour = 0, minute = 0] = clock.split(':').map(Number)
  return day.set({ hour, minute, second: 0, millisecond: 0 })
}

/**
 * The first `weekday` at `clock` in `zone` that is at least `minDaysAhead` days after `from`
 * (two by default, so that a day of advance notice is always met).
 */
export function nextWeekdayAt(
  weekday: Weekday,
  clock: Clock,
  zone: string,
  { minDaysAhead = 2, from = new Date() }: { minDaysAhead?: number; from?: Date } = {},
): DateTime {
  const earliest = DateTime.fromJSDate(from, { zone }).plus({ days: minDaysAhead })
  let day = at(earliest.startOf('day'), clock)
  while (day.weekday !== weekday || day < earliest) day = day.plus({ days: 1 })
  return day
}

/**
 * The next change of UTC offset in `zone` in the given direction ('spring': clocks go
 * forward, 'autumn': back) that is at least `minDaysAhead` days after `from`, as the local
 * midnight of the first day on the new offset. Up to a year and a bit ahead.
 */
export function nextOffsetChange(
  zone: string,
  direction: 'spring' | 'autumn',
  { minDaysAhead = 21, from = new Date() }: { minDaysAhead?: number; from?: Date } = {},
): DateTime {
  let day = DateTime.fromJSDate(from, { zone }).plus({ days: minDaysAhead }).startOf('day')
  for (let i = 0; i < 400; i++) {
    const next = day.plus({ days: 1 })
    const change = next.offset - day.offset
    if (direction === 'spring' ? change > 0 : change < 0) return next
    day = next
  }
  throw new Error(`${zone} has no ${direction} offset change within a year`)
}

/** The last `weekday` at `clock` strictly before the local day `day`. */
export function weekdayBefore(weekday: Weekday, clock: Clock, day: DateTime): DateTime {
  let candidate = at(day.minus({ days: 1 }), clock)
  while (candidate.weekday !== weekday) candidate = candidate.minus({ days: 1 })
  return candidate
}

/** The first `weekday` at `clock` on or after the local day `day`. */
export function weekdayFrom(weekday: Weekday, clock: Clock, day: DateTime): DateTime {
  let candidate = at(day, clock)
  while (candidate.weekday !== weekday) candidate = candidate.plus({ days: 1 })
  return candidate
}

/** The instant as the API writes it: ISO 8601 in UTC with milliseconds. */
export function iso(instant: DateTime): string {
  const text = instant.toUTC().toISO()
  if (!text) throw new Error('invalid date')
  return text
}
