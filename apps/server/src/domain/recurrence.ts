import { DateTime } from 'luxon'
import type { Options, Weekday } from 'rrule'
import rrule from 'rrule'

// rrule reaches Node as CommonJS, whose named exports Node cannot see; take them from the default.
const { Frequency, RRule } = rrule

/*
 * How a series is expanded: rrule runs in "floating" time, the group's wall clock written as if
 * it were UTC, so BYDAY and the time of day are the group's and 18:00 stays 18:00 across DST
 * changes. Each floating occurrence is then turned into a real instant in the group's zone.
 * rrule's own TZID support is avoided because it depends on the host's zone.
 */

export interface OccurrencesInput {
  /** An RRULE body such as "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10", with or without "RRULE:". */
  rule: string
  /** The first session (DTSTART); every occurrence keeps its wall-clock time in `timeZone`. */
  firstStartsAt: Date
  /** The group's IANA time zone. */
  timeZone: string
  /** Inclusive. */
  from: Date
  /** Exclusive. */
  to: Date
  /** At most this many occurrences, the earliest ones; 100 when absent. */
  limit?: number
}

export const MAX_COUNT = 365
const MAX_INTERVAL = 1000
const DEFAULT_LIMIT = 100
const MS_PER_DAY = 86_400_000
/*
 * Floating and real times differ by the zone's offset, which changes by a DST step of an hour or
 * two (once by a whole day, in Samoa in 2011), so two days of margin around the window's floating
 * bounds miss nothing. The time of day is fixed, so there is at most one occurrence per local day
 * and the margin adds only a few candidates before `from`.
 */
const MARGIN_DAYS = 2
const WINDOW_MARGIN_MS = MARGIN_DAYS * MS_PER_DAY
const MARGIN_CANDIDATES = MARGIN_DAYS + 2

/** A rule parseRecurrenceRule would reject; its message says what to fix. */
export class RecurrenceRuleError extends Error {
  override name = 'RecurrenceRuleError'
}

/** Whether `rule` is a recurrence LoopQuiz can run; the message says what to fix. */
export function parseRecurrenceRule(rule: string): { ok: true } | { ok: false; message: string } {
  try {
    parseRule(rule)
    return { ok: true }
  } catch (error) {
    if (error instanceof RecurrenceRuleError) return { ok: false, message: error.message }
    throw error
  }
}

/**
 * The series' session start instants in [from, to), ascending, at most `limit`.
 * Throws RecurrenceRuleError for a rule parseRecurrenceRule rejects.
 */
export function occurrencesBetween(input: OccurrencesInput): Date[] {
  const { from, to, timeZone, limit = DEFAULT_LIMIT } = input
  const parsed = parseRule(input.rule)
  if (limit <= 0 || from.getTime() >= to.getTime()) return []
  const candidates = floatingOccurrences(parsed, toFloating(input.firstStartsAt, timeZone), {
    timeZone,
    after: new Date(toFloating(from, timeZone).getTime() - WINDOW_MARGIN_MS),
    before: new Date(toFloating(to, timeZone).getTime() + WINDOW_MARGIN_MS),
    cap: limit + MARGIN_CANDIDATES,
  })
  return candidates
    .map((floating) => fromFloating(floating, timeZone))
    .filter((instant) => instant.getTime() >= from.getTime() && instant.getTime() < to.getTime())
    .slice(0, limit)
}

/**
 * The rule cut so that its last occurrence starts before `instant` (COUNT gives way to a UTC
 * UNTIL): how a series ends at a cancelled or split-off occurrence, as calendars do it.
 */
export function ruleEndingBefore(rule: string, instant: Date): string {
  const parts = splitParts(rule)
  parts.delete('COUNT')
  const until = DateTime.fromMillis(instant.getTime() - 1000, { zone: 'UTC' })
  parts.set('UNTIL', until.toFormat("yyyyMMdd'T'HHmmss'Z'"))
  return joinParts(parts)
}

/** The rule for the rest of a series split off after `skipped` occurrences: COUNT shrinks by them. */
export function ruleAfterSkipping(rule: string, skipped: number): string {
  const parts = splitParts(rule)
  const count = parts.get('COUNT')
  if (count !== undefined) parts.set('COUNT', String(Math.max(1, Number(count) - skipped)))
  return joinParts(parts)
}

/**
 * Moves `instant` the way `from` was moved to `to` on the group's wall clock: as many calendar
 * days, and the same change of time of day. Every occurrence of a weekly 18:00 series moved to
 * 19:00 lands at 19:00 local time, on either side of a DST change.
 */
export function shiftWallClock(instant: Date, from: Date, to: Date, timeZone: string): Date {
  const before = DateTime.fromJSDate(from, { zone: timeZone })
  const after = DateTime.fromJSDate(to, { zone: timeZone })
  const days = Math.round(after.startOf('day').diff(before.startOf('day'), 'days').days)
  const minutes = after.hour * 60 + after.minute - (before.hour * 60 + before.minute)
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).plus({ days })
  const minuteOfDay = local.hour * 60 + local.minute + minutes
  return local
    .startOf('day')
    .set({ hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60, second: local.second })
    .toJSDate()
}

function joinParts(parts: Parts): string {
  return [...parts].map(([key, value]) => `${key}=${value}`).join(';')
}

// ---------------------------------------------------------------------------------------------
// Expansion

interface FloatingWindow {
  timeZone: string
  after: Date
  before: Date
  cap: number
}

function floatingOccurrences(parsed: ParsedRule, start: Date, window: FloatingWindow): Date[] {
  const options: Partial<Options> = { ...parsed.options, dtstart: start }
  if (parsed.until) options.until = untilToFloating(parsed.until, window.timeZone)
  const expand = (ruleOptions: Partial<Options>) =>
    new RRule(ruleOptions).between(
      window.after,
      window.before,
      true,
      (_date, collected) => collected < window.cap,
    )

  if (new RRule(options).after(start, true)?.getTime() === start.getTime()) return expand(options)
  // RFC 5545: DTSTART is always the first occurrence and counts toward COUNT, even when the rule
  // would not produce it (a Monday start for BYDAY=TU,TH). rrule leaves it out, so add it back.
  const count = options.count
  if (count === 1) return [start]
  return [start, ...expand(count ? { ...options, count: count - 1 } : options)]
}

function untilToFloating(until: Until, timeZone: string): Date {
  return until.kind === 'instant' ? toFloating(until.at, timeZone) : until.floating
}

/** The wall-clock time of `instant` in `timeZone`, written as a UTC Date. */
function toFloating(instant: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone })
  // The contract validates group zones, so an invalid one here is a programming error.
  if (!local.isValid) {
    throw new Error(`Unknown time zone "${timeZone}": ${local.invalidExplanation}`)
  }
  return local.setZone('UTC', { keepLocalTime: true }).toJSDate()
}

/**
 * The instant at which the group's clock shows `floating`, resolved as RFC 5545 §3.3.5 says
 * (luxon alone picks differently depending on the zone):
 * - a time skipped by a spring-forward gap uses the offset from before the gap, so it lands as
 *   far past the gap as it was into it (02:30 in Paris on 2026-03-29 → 03:30 CEST);
 * - a time that happens twice at a fall-back takes the first (daylight) one.
 */
function fromFloating(floating: Date, timeZone: string): Date {
  const wall = floating.getTime()
  const offsetBefore = offsetAt(wall - MS_PER_DAY, timeZone)
  const offsetAfter = offsetAt(wall + MS_PER_DAY, timeZone)
  const readings = [offsetBefore, offsetAfter]
    .map((offsetMs) => wall - offsetMs)
    .filter((instant) => instant + offsetAt(instant, timeZone) === wall)
  const instant = readings.length > 0 ? Math.min(...readings) : wall - offsetBefore
  return new Date(instant)
}

function offsetAt(instant: number, timeZone: string): number {
  return DateTime.fromMillis(instant, { zone: timeZone }).offset * 60_000
}

// ---------------------------------------------------------------------------------------------
// Parsing: strict and by hand, because rrule's parser accepts junk (FREQ=NEVER, COUNT=abc) and
// only fails later or not at all.

/** UNTIL as written: a UTC instant ("…Z") or a wall-clock time in the group's zone. */
type Until = { kind: 'instant'; at: Date } | { kind: 'local'; floating: Date }

interface ParsedRule {
  options: Partial<Options>
  until?: Until
}

type Parts = Map<string, string>

/** Parsers for the parts that map straight onto rrule options; FREQ and UNTIL are special. */
const OPTION_PARSERS: Record<string, (text: string) => Partial<Options>> = {
  INTERVAL: (text) => ({ interval: parseInteger('INTERVAL', text, 1, MAX_INTERVAL) }),
  COUNT: (text) => ({ count: parseInteger('COUNT', text, 1, MAX_COUNT) }),
  BYDAY: (text) => ({ byweekday: text.split(',').map((day) => parseWeekday('BYDAY', day, true)) }),
  WKST: (text) => ({ wkst: parseWeekday('WKST', text, false) }),
  BYMONTHDAY: (text) => ({ bymonthday: parseIntegers('BYMONTHDAY', text, 31, true) }),
  BYMONTH: (text) => ({ bymonth: parseIntegers('BYMONTH', text, 12, false) }),
  BYYEARDAY: (text) => ({ byyearday: parseIntegers('BYYEARDAY', text, 366, true) }),
  BYWEEKNO: (text) => ({ byweekno: parseIntegers('BYWEEKNO', text, 53, true) }),
  BYSETPOS: (text) => ({ bysetpos: parseIntegers('BYSETPOS', text, 366, true) }),
}
const SUPPORTED_PARTS = new Set(['FREQ', 'UNTIL', ...Object.keys(OPTION_PARSERS)])
const TIME_OF_DAY_PARTS = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND'])
const START_PARTS = new Set(['DTSTART', 'TZID'])
const FREQUENCIES = {
  DAILY: Frequency.DAILY,
  WEEKLY: Frequency.WEEKLY,
  MONTHLY: Frequency.MONTHLY,
  YEARLY: Frequency.YEARLY,
} as const
const TOO_FREQUENT = new Set(['HOURLY', 'MINUTELY', 'SECONDLY'])
const WEEKDAYS: Record<string, Weekday> = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
}
const END_OF_DAY = { hour: 23, minute: 59, second: 59, millisecond: 999 }

function parseRule(rule: string): ParsedRule {
  const parts = splitParts(rule)
  const options: Partial<Options> = { freq: parseFrequency(parts.get('FREQ')) }
  for (const [key, text] of parts) Object.assign(options, OPTION_PARSERS[key]?.(text))
  checkCombination(parts)
  const untilText = parts.get('UNTIL')
  return untilText ? { options, until: parseUntil(untilText) } : { options }
}

/** "RRULE:FREQ=DAILY;COUNT=3" → {FREQ: "DAILY", COUNT: "3"}, refusing parts we cannot honour. */
function splitParts(rule: string): Parts {
  const body = rule.trim().replace(/^RRULE:/i, '')
  if (body === '') fail('The rule is empty')
  if (/[\r\n]/.test(body)) fail('Give a single RRULE line, without DTSTART or other properties')
  const parts: Parts = new Map()
  // A trailing ";" is harmless, so empty parts are skipped rather than refused.
  for (const part of body.split(';').filter((text) => text.trim() !== '')) {
    const match = /^\s*([A-Za-z]+)=([^=]+?)\s*$/.exec(part)
    if (!match?.[1] || !match[2]) fail(`"${part}" is not NAME=VALUE`)
    const key = match[1].toUpperCase()
    checkPartName(key)
    if (parts.has(key)) fail(`${key} is given twice`)
    parts.set(key, match[2].toUpperCase())
  }
  return parts
}

function checkPartName(key: string): void {
  if (TIME_OF_DAY_PARTS.has(key)) {
    fail(`${key} is not supported: every session starts at the time of the first one`)
  }
  if (START_PARTS.has(key)) {
    fail(`${key} does not belong in the rule: the first session and the group's zone set it`)
  }
  if (!SUPPORTED_PARTS.has(key)) fail(`Unknown rule part ${key}`)
}

function parseFrequency(text: string | undefined): Options['freq'] {
  if (text === undefined) fail('FREQ is required')
  if (TOO_FREQUENT.has(text)) fail(`Sessions can repeat at most daily; FREQ=${text} is too often`)
  if (!Object.hasOwn(FREQUENCIES, text)) fail('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY')
  return FREQUENCIES[text as keyof typeof FREQUENCIES]
}

function parseInteger(key: string, text: string, min: number, max: number): number {
  const number = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN
  if (!(number >= min && number <= max)) {
    fail(`${key} must be a whole number from ${min} to ${max}`)
  }
  return number
}

/** A comma list of non-zero integers up to `max`, negative ones counting from the end. */
function parseIntegers(key: string, text: string, max: number, allowNegative: boolean): number[] {
  return text.split(',').map((item) => {
    const number = /^[+-]?\d{1,3}$/.test(item) ? Number(item) : Number.NaN
    const inRange = number !== 0 && Math.abs(number) <= max && (allowNegative || number > 0)
    if (!inRange) {
      const range = allowNegative ? `1 to ${max} or -${max} to -1` : `1 to ${max}`
      fail(`${key} values must be whole numbers from ${range}; got "${item}"`)
    }
    return number
  })
}

/** "TU" or, where allowed, a numbered weekday: "2TU" (the second Tuesday), "-1FR" (the last Friday). */
function parseWeekday(key: string, text: string, allowOrdinal: boolean): Weekday {
  const [, ordinal, code = ''] = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(text) ?? []
  const weekday = WEEKDAYS[code]
  if (!weekday) fail(`${key} must list weekdays as MO, TU, WE, TH, FR, SA, SU; got "${text}"`)
  if (ordinal === undefined) return weekday
  if (!allowOrdinal) fail(`${key} takes a plain weekday; got "${text}"`)
  const nth = Number(ordinal)
  if (nth === 0 || Math.abs(nth) > 53) fail(`${key} "${text}": the number must be 1–53 or -53–-1`)
  return weekday.nth(nth)
}

/** "20261231" (through the end of that local day), "20261231T180000" (local) or "…Z" (UTC). */
function parseUntil(text: string): Until {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(text)
  if (!match) fail('UNTIL must be a date like 20261231, 20261231T180000 or 20261231T170000Z')
  const [, year, month, day, hour, minute, second, utc] = match
  const time =
    hour === undefined
      ? END_OF_DAY
      : { hour: Number(hour), minute: Number(minute), second: Number(second) }
  const date = { year: Number(year), month: Number(month), day: Number(day) }
  const wallClock = DateTime.fromObject({ ...date, ...time }, { zone: 'UTC' })
  if (!wallClock.isValid) fail(`UNTIL ${text} is not a real date and time`)
  return utc
    ? { kind: 'instant', at: wallClock.toJSDate() }
    : { kind: 'local', floating: wallClock.toJSDate() }
}

/** Combinations RFC 5545 forbids. */
function checkCombination(parts: Parts): void {
  const freq = parts.get('FREQ')
  if (parts.has('COUNT') && parts.has('UNTIL')) fail('Give COUNT or UNTIL, not both')
  if (/\d/.test(parts.get('BYDAY') ?? '') && freq !== 'MONTHLY' && freq !== 'YEARLY') {
    fail('BYDAY can number a weekday (like 2TU) only when FREQ is MONTHLY or YEARLY')
  }
  if (parts.has('BYMONTHDAY') && freq === 'WEEKLY') fail('BYMONTHDAY cannot be used with WEEKLY')
  for (const key of ['BYYEARDAY', 'BYWEEKNO']) {
    if (parts.has(key) && freq !== 'YEARLY') fail(`${key} can be used only with FREQ=YEARLY`)
  }
  const hasOtherBy = [...parts.keys()].some((key) => key.startsWith('BY') && key !== 'BYSETPOS')
  if (parts.has('BYSETPOS') && !hasOtherBy) fail('BYSETPOS needs another BY… part to pick from')
}

function fail(message: string): never {
  throw new RecurrenceRuleError(message)
}
