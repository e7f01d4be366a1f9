import type { GroupSettings, TimeSlot } from '@loopquiz/contract'
import { DateTime } from 'luxon'

export type ScheduleProblem =
  | { code: 'IN_THE_PAST' }
  /** The group's advance notice is not met; `earliest` is the first instant that would be. */
  | { code: 'TOO_SOON'; earliest: Date }
  /** Further ahead than anyone plans a session; `latest` is the last instant allowed. */
  | { code: 'TOO_FAR'; latest: Date }
  /** The session does not fit inside any of the group's allowed slots. */
  | { code: 'OUTSIDE_ALLOWED_SLOTS'; slots: TimeSlot[] }

export interface ScheduleTimeInput {
  startsAt: Date
  durationMinutes: number
  now: Date
  /** The group's IANA time zone; slots and weekdays are read in it. */
  timeZone: string
  settings: Pick<GroupSettings, 'advance_notice_hours' | 'allowed_time_slots'>
}

const MS_PER_HOUR = 3_600_000
/** Two years: far enough for any plan, near enough that a typo like 9999 is caught. */
export const MAX_SCHEDULE_AHEAD_MS = 2 * 366 * 24 * MS_PER_HOUR
const MS_PER_MINUTE = 60_000
const SECONDS_PER_MINUTE = 60
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const

/** Why a scheduled session may not start at `startsAt`, or null when it may. */
export function checkScheduleTime(input: ScheduleTimeInput): ScheduleProblem | null {
  const { startsAt, now, settings } = input
  if (startsAt.getTime() <= now.getTime()) return { code: 'IN_THE_PAST' }
  const latest = new Date(now.getTime() + MAX_SCHEDULE_AHEAD_MS)
  if (startsAt.getTime() > latest.getTime()) return { code: 'TOO_FAR', latest }

  const earliest = new Date(now.getTime() + settings.advance_notice_hours * MS_PER_HOUR)
  if (startsAt.getTime() < earliest.getTime()) return { code: 'TOO_SOON', earliest }

  const slots = settings.allowed_time_slots ?? []
  // No slots configured means the group accepts any time.
  if (slots.length === 0) return null
  const window = localWindow(input)
  return slots.some((slot) => fitsSlot(window, slot))
    ? null
    : { code: 'OUTSIDE_ALLOWED_SLOTS', slots }
}

/**
 * Why a session may not start right now (an instant session, or one started early), or null.
 * Starting now can never meet an advance notice, and must fit the slots like any start.
 */
export function checkStartNow(input: Omit<ScheduleTimeInput, 'startsAt'>): ScheduleProblem | null {
  const { now, settings } = input
  if (settings.advance_notice_hours > 0) {
    return {
      code: 'TOO_SOON',
      earliest: new Date(now.getTime() + settings.advance_notice_hours * MS_PER_HOUR),
    }
  }
  const slots = settings.allowed_time_slots ?? []
  if (slots.length === 0) return null
  const window = localWindow({ ...input, startsAt: now })
  return slots.some((slot) => fitsSlot(window, slot))
    ? null
    : { code: 'OUTSIDE_ALLOWED_SLOTS', slots }
}

/** Slots for people to read: "Tue, Thu 18:00–20:00; Every day 07:00–08:00". */
export function describeSlots(slots: TimeSlot[]): string {
  if (slots.length === 0) return 'Any time'
  return slots.map((slot) => `${describeDays(slot.days)} ${slot.start}–${slot.end}`).join('; ')
}

/** The session as the group sees it on the wall clock, start and end in seconds since midnight. */
interface LocalWindow {
  weekday: number
  startSecond: number
  endSecond: number
  /** A session that runs past local midnight can never fit a slot, which lies within one day. */
  endsSameDay: boolean
}

function localWindow({ startsAt, durationMinutes, timeZone }: ScheduleTimeInput): LocalWindow {
  const start = inZone(startsAt, timeZone)
  // Add real minutes, then read the wall clock: a session spanning a DST change ends at the
  // local time people will actually see, not at start + duration on a naive clock.
  const end = inZone(new Date(startsAt.getTime() + durationMinutes * MS_PER_MINUTE), timeZone)
  return {
    weekday: start.weekday % 7, // luxon: Monday = 1 … Sunday = 7; ours: Sunday = 0
    startSecond: secondOfDay(start),
    endSecond: secondOfDay(end),
    endsSameDay: start.toISODate() === end.toISODate(),
  }
}

function fitsSlot(window: LocalWindow, slot: TimeSlot): boolean {
  const onDay = slot.days === undefined || slot.days.includes(window.weekday)
  return (
    onDay &&
    window.endsSameDay &&
    window.startSecond >= clockSecond(slot.start) &&
    window.endSecond <= clockSecond(slot.end)
  )
}

function inZone(instant: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone: timeZone })
  // The contract validates group zones, so an invalid one here is a programming error.
  if (!local.isValid)
    throw new Error(`Unknown time zone "${timeZone}": ${local.invalidExplanation}`)
  return local
}

function secondOfDay(local: DateTime): number {
  return (local.hour * 60 + local.minute) * SECONDS_PER_MINUTE + local.second
}

/** "HH:MM" (already validated by the contract) → seconds since midnight. */
function clockSecond(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number)
  return (hours * 60 + minutes) * SECONDS_PER_MINUTE
}

function describeDays(days: readonly number[] | undefined): string {
  if (days === undefined) return 'Every day'
  const unique = [...new Set(days)].sort((a, b) => a - b)
  if (unique.length === 7) return 'Every day'
  // An empty list is taken literally (no day allowed) rather than as "every day".
  if (unique.length === 0) return 'No day'
  return unique.map((day) => DAY_NAMES[day] ?? `day ${day}`).join(', ')
}

export interface NextStartInput {
  now: Date
  durationMinutes: number
  /** The group's IANA time zone; slots and weekdays are read in it. */
  timeZone: string
  settings: Pick<GroupSettings, 'advance_notice_hours' | 'allowed_time_slots'>
  /** Whether the advance notice applies to this caller (see `sessionRulesFor`). */
  appliesNotice: boolean
  /** Whether the allowed slots apply to this caller. */
  appliesSlots: boolean
  /** Proposed starts fall on multiples of this many minutes (in UTC; every zone in use today is offset by whole quarter hours). */
  stepMinutes?: number
}

/**
 * The earliest start, on a step, that `checkScheduleTime` accepts for a session of this length,
 * or null when none does within the two years a session may be planned ahead. Every candidate
 * goes through the validator, so a proposal can never be one the schedule route refuses.
 */
export function nextAllowedStart(input: NextStartInput): Date | null {
  const { now, durationMinutes, timeZone } = input
  const stepMs = (input.stepMinutes ?? 5) * MS_PER_MINUTE
  const settings = {
    advance_notice_hours: input.appliesNotice ? input.settings.advance_notice_hours : 0,
    allowed_time_slots: input.appliesSlots ? input.settings.allowed_time_slots : undefined,
  }
  const fits = (startMs: number) =>
    checkScheduleTime({ startsAt: new Date(startMs), durationMinutes, now, timeZone, settings }) ===
    null
  const ceilToStep = (ms: number) => Math.ceil(ms / stepMs) * stepMs

  let earliest = ceilToStep(now.getTime() + settings.advance_notice_hours * MS_PER_HOUR)
  // A start must lie strictly after now.
  if (earliest <= now.getTime()) earliest += stepMs
  const slots = settings.allowed_time_slots ?? []
  if (slots.length === 0) return fits(earliest) ? new Date(earliest) : null

  const latest = now.getTime() + MAX_SCHEDULE_AHEAD_MS
  for (
    let day = inZone(new Date(earliest), timeZone).startOf('day');
    day.toMillis() <= latest;
    day = day.plus({ days: 1 }).startOf('day')
  ) {
    const dayStart = day.toMillis()
    const nextDay = day.plus({ days: 1 }).startOf('day')
    if (day.offset !== nextDay.offset) {
      // On the day the clocks change a later start can end earlier on the wall clock, so the
      // fitting starts are not one run per slot: try every step of the day (twice a year).
      for (let start = ceilToStep(Math.max(dayStart, earliest)); start < nextDay.toMillis(); ) {
        if (fits(start)) return new Date(start)
        start += stepMs
      }
      continue
    }
    // Elsewhere the starts that fit a slot run from its start (or `earliest`) to its end minus
    // the duration, so each slot's first candidate is the only one worth checking.
    const weekday = day.weekday % 7
    const candidates = slots
      .filter((slot) => slot.days === undefined || slot.days.includes(weekday))
      .map((slot) => {
        const [hour = 0, minute = 0] = slot.start.split(':').map(Number)
        const slotStart = day.set({ hour, minute }).toMillis()
        return slotStart < earliest ? earliest : ceilToStep(slotStart)
      })
      .sort((a, b) => a - b)
    const found = candidates.find(fits)
    if (found !== undefined) return new Date(found)
  }
  return null
}
