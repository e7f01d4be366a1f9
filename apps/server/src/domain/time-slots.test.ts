import type { TimeSlot } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  checkScheduleTime,
  checkStartNow,
  describeSlots,
  MAX_SCHEDULE_AHEAD_MS,
  type ScheduleProblem,
} from './time-slots.ts'

// Far enough before every startsAt below that advance notice never gets in the way.
const longAgo = new Date('2026-01-01T00:00:00Z')
const tueThuEvening: TimeSlot = { days: [2, 4], start: '18:00', end: '20:00' }

function check(
  startsAt: string,
  durationMinutes: number,
  timeZone: string,
  slots: TimeSlot[] | undefined,
): ScheduleProblem | null {
  return checkScheduleTime({
    startsAt: new Date(startsAt),
    durationMinutes,
    now: longAgo,
    timeZone,
    settings: { advance_notice_hours: 0, allowed_time_slots: slots },
  })
}

describe('checkScheduleTime: allowed slots', () => {
  // `local` is the group's wall clock, written out so the UTC instant can be checked by eye.
  it.each([
    { local: 'Tue 18:00–19:00', startsAt: '2026-06-09T16:00:00Z', minutes: 60, fits: true },
    {
      local: 'Thu 19:00–20:00, ends on the slot end',
      startsAt: '2026-06-11T17:00:00Z',
      minutes: 60,
      fits: true,
    },
    {
      local: 'Tue 18:00–20:00, the whole slot',
      startsAt: '2026-06-09T16:00:00Z',
      minutes: 120,
      fits: true,
    },
    {
      local: 'Tue 17:59, a minute early',
      startsAt: '2026-06-09T15:59:00Z',
      minutes: 30,
      fits: false,
    },
    {
      local: 'Tue 19:30–20:30, starts inside, ends after',
      startsAt: '2026-06-09T17:30:00Z',
      minutes: 60,
      fits: false,
    },
    {
      local: 'Tue 19:59:30–20:00:30, ends 30 s late',
      startsAt: '2026-06-09T17:59:30Z',
      minutes: 1,
      fits: false,
    },
    { local: 'Wed 18:00, wrong day', startsAt: '2026-06-10T16:00:00Z', minutes: 60, fits: false },
    {
      local: 'Tue 20:00, at the slot end',
      startsAt: '2026-06-09T18:00:00Z',
      minutes: 30,
      fits: false,
    },
  ])('Europe/Paris $local → fits: $fits', ({ startsAt, minutes, fits }) => {
    const problem = check(startsAt, minutes, 'Europe/Paris', [tueThuEvening])
    expect(problem).toEqual(fits ? null : { code: 'OUTSIDE_ALLOWED_SLOTS', slots: [tueThuEvening] })
  })

  it.each([
    { name: 'absent', slots: undefined },
    { name: 'empty', slots: [] },
  ])('accepts any time when slots are $name', ({ slots }) => {
    expect(check('2026-06-10T01:23:00Z', 300, 'Europe/Paris', slots)).toBeNull()
  })

  it.each([
    {
      name: 'second of two slots fits',
      slots: [tueThuEvening, { start: '07:00', end: '09:00' }],
      fits: true,
    },
    { name: 'days absent means every day', slots: [{ start: '07:00', end: '09:00' }], fits: true },
    {
      name: 'an empty days list allows no day',
      slots: [{ days: [], start: '07:00', end: '09:00' }],
      fits: false,
    },
  ])('Wed 08:00 Paris: $name', ({ slots, fits }) => {
    expect(check('2026-06-10T06:00:00Z', 60, 'Europe/Paris', slots) === null).toBe(fits)
  })

  it('rejects a session that runs past local midnight, even into a slot on the next day', () => {
    const lateSlots = [
      { start: '22:00', end: '23:59' },
      { start: '00:00', end: '02:00' },
    ]
    // Paris 23:30–00:30 (CEST).
    expect(check('2026-06-09T21:30:00Z', 60, 'Europe/Paris', lateSlots)).not.toBeNull()
  })
})

describe('checkScheduleTime: weekdays are the group’s, not UTC’s (Sunday = 0)', () => {
  it.each([
    // Auckland is UTC+12 in June: local Sunday morning is still Saturday in UTC.
    {
      zone: 'Pacific/Auckland',
      local: 'Sun 08:00',
      utcDay: 'Sat',
      startsAt: '2026-06-13T20:00:00Z',
      days: [0],
      fits: true,
    },
    {
      zone: 'Pacific/Auckland',
      local: 'Sun 08:00',
      utcDay: 'Sat',
      startsAt: '2026-06-13T20:00:00Z',
      days: [6],
      fits: false,
    },
    {
      zone: 'Pacific/Auckland',
      local: 'Tue 08:00',
      utcDay: 'Mon',
      startsAt: '2026-06-08T20:00:00Z',
      days: [2],
      fits: true,
    },
    {
      zone: 'Pacific/Auckland',
      local: 'Tue 08:00',
      utcDay: 'Mon',
      startsAt: '2026-06-08T20:00:00Z',
      days: [1],
      fits: false,
    },
    // Los Angeles is UTC−7 in June: local Sunday evening is already Monday in UTC.
    {
      zone: 'America/Los_Angeles',
      local: 'Sun 08:00',
      utcDay: 'Sun',
      startsAt: '2026-06-14T15:00:00Z',
      days: [0],
      fits: true,
    },
    {
      zone: 'America/Los_Angeles',
      local: 'Sun 18:00',
      utcDay: 'Mon',
      startsAt: '2026-06-15T01:00:00Z',
      days: [0],
      fits: true,
    },
    {
      zone: 'America/Los_Angeles',
      local: 'Sun 18:00',
      utcDay: 'Mon',
      startsAt: '2026-06-15T01:00:00Z',
      days: [1],
      fits: false,
    },
    {
      zone: 'America/Los_Angeles',
      local: 'Sat 18:00',
      utcDay: 'Sun',
      startsAt: '2026-06-14T01:00:00Z',
      days: [6],
      fits: true,
    },
  ])('$zone $local (UTC $utcDay), days $days → fits: $fits', ({ zone, startsAt, days, fits }) => {
    const slots = [
      { days, start: '08:00', end: '09:00' },
      { days, start: '18:00', end: '20:00' },
    ]
    expect(check(startsAt, 60, zone, slots) === null).toBe(fits)
  })
})

describe('checkScheduleTime: DST changes keep the local slot', () => {
  // Tue/Thu 18:00–20:00 local must accept 18:00 local on both sides of each change, although
  // the UTC hour moves; the same UTC hour on the other side is 17:00 or 19:00 local and fails.
  it.each([
    {
      zone: 'Europe/Paris',
      local: 'Thu 2026-03-26 18:00 CET',
      startsAt: '2026-03-26T17:00:00Z',
      fits: true,
    },
    {
      zone: 'Europe/Paris',
      local: 'Tue 2026-03-31 18:00 CEST',
      startsAt: '2026-03-31T16:00:00Z',
      fits: true,
    },
    {
      zone: 'Europe/Paris',
      local: 'Thu 2026-03-26 17:00 CET',
      startsAt: '2026-03-26T16:00:00Z',
      fits: false,
    },
    {
      zone: 'Europe/Paris',
      local: 'Thu 2026-10-22 18:00 CEST',
      startsAt: '2026-10-22T16:00:00Z',
      fits: true,
    },
    {
      zone: 'Europe/Paris',
      local: 'Tue 2026-10-27 18:00 CET',
      startsAt: '2026-10-27T17:00:00Z',
      fits: true,
    },
    {
      zone: 'Europe/Paris',
      local: 'Thu 2026-10-22 19:00 CEST (ends 21:00)',
      startsAt: '2026-10-22T17:00:00Z',
      fits: false,
    },
    {
      zone: 'America/New_York',
      local: 'Thu 2026-03-05 18:00 EST',
      startsAt: '2026-03-05T23:00:00Z',
      fits: true,
    },
    {
      zone: 'America/New_York',
      local: 'Tue 2026-03-10 18:00 EDT',
      startsAt: '2026-03-10T22:00:00Z',
      fits: true,
    },
    {
      zone: 'America/New_York',
      local: 'Tue 2026-03-10 19:00 EDT (ends 21:00)',
      startsAt: '2026-03-10T23:00:00Z',
      fits: false,
    },
    {
      zone: 'America/New_York',
      local: 'Thu 2026-10-29 18:00 EDT',
      startsAt: '2026-10-29T22:00:00Z',
      fits: true,
    },
    {
      zone: 'America/New_York',
      local: 'Tue 2026-11-03 18:00 EST',
      startsAt: '2026-11-03T23:00:00Z',
      fits: true,
    },
    {
      zone: 'America/New_York',
      local: 'Tue 2026-11-03 17:00 EST',
      startsAt: '2026-11-03T22:00:00Z',
      fits: false,
    },
  ])('$zone $local → fits: $fits', ({ zone, startsAt, fits }) => {
    expect(check(startsAt, 120, zone, [tueThuEvening]) === null).toBe(fits)
  })

  it.each([
    // Paris springs forward at 02:00 on 2026-03-29: 60 real minutes from 01:30 end at 03:30 local.
    { slotEnd: '03:00', fits: false },
    { slotEnd: '03:30', fits: true },
  ])(
    'reads the end on the wall clock across the change (slot 01:00–$slotEnd)',
    ({ slotEnd, fits }) => {
      const slots = [{ start: '01:00', end: slotEnd }]
      expect(check('2026-03-29T00:30:00Z', 60, 'Europe/Paris', slots) === null).toBe(fits)
    },
  )
})

describe('checkScheduleTime: now and advance notice', () => {
  const now = new Date('2026-06-01T12:00:00Z')
  const dayLater = new Date('2026-06-02T12:00:00Z')
  const twoYearsLater = new Date(now.getTime() + MAX_SCHEDULE_AHEAD_MS)

  it.each([
    {
      name: 'an hour ago',
      startsAt: '2026-06-01T11:00:00Z',
      hours: 0,
      expected: { code: 'IN_THE_PAST' },
    },
    {
      name: 'exactly now',
      startsAt: '2026-06-01T12:00:00Z',
      hours: 0,
      expected: { code: 'IN_THE_PAST' },
    },
    {
      name: 'a millisecond ahead, no notice',
      startsAt: '2026-06-01T12:00:00.001Z',
      hours: 0,
      expected: null,
    },
    {
      name: 'in the past with notice required',
      startsAt: '2026-05-31T12:00:00Z',
      hours: 24,
      expected: { code: 'IN_THE_PAST' },
    },
    { name: 'exactly 24 h ahead', startsAt: '2026-06-02T12:00:00Z', hours: 24, expected: null },
    {
      name: '1 ms short of 24 h',
      startsAt: '2026-06-02T11:59:59.999Z',
      hours: 24,
      expected: { code: 'TOO_SOON', earliest: dayLater },
    },
    {
      name: 'an hour ahead',
      startsAt: '2026-06-01T13:00:00Z',
      hours: 24,
      expected: { code: 'TOO_SOON', earliest: dayLater },
    },
    {
      name: 'at the two-year bound',
      startsAt: twoYearsLater.toISOString(),
      hours: 0,
      expected: null,
    },
    {
      name: 'a millisecond past the two-year bound',
      startsAt: new Date(twoYearsLater.getTime() + 1).toISOString(),
      hours: 0,
      expected: { code: 'TOO_FAR', latest: twoYearsLater },
    },
    {
      name: 'in the year 9999',
      startsAt: '9999-01-01T00:00:00Z',
      hours: 0,
      expected: { code: 'TOO_FAR', latest: twoYearsLater },
    },
  ])('$name with $hours h notice', ({ startsAt, hours, expected }) => {
    const problem = checkScheduleTime({
      startsAt: new Date(startsAt),
      durationMinutes: 30,
      now,
      timeZone: 'Europe/Paris',
      settings: { advance_notice_hours: hours },
    })
    expect(problem).toEqual(expected)
  })

  it('reports the notice before the slots', () => {
    const problem = checkScheduleTime({
      startsAt: new Date('2026-06-01T13:00:00Z'),
      durationMinutes: 30,
      now,
      timeZone: 'Europe/Paris',
      settings: { advance_notice_hours: 24, allowed_time_slots: [tueThuEvening] },
    })
    expect(problem).toEqual({ code: 'TOO_SOON', earliest: dayLater })
  })

  it('rejects an unknown time zone loudly', () => {
    expect(() => check('2026-06-09T16:00:00Z', 60, 'Mars/Olympus', [tueThuEvening])).toThrow(
      /Mars\/Olympus/,
    )
  })
})

describe('describeSlots', () => {
  it.each([
    { slots: [tueThuEvening], text: 'Tue, Thu 18:00–20:00' },
    { slots: [{ days: [4, 2, 4], start: '18:00', end: '20:00' }], text: 'Tue, Thu 18:00–20:00' },
    { slots: [{ days: [6, 0], start: '10:00', end: '12:00' }], text: 'Sun, Sat 10:00–12:00' },
    { slots: [{ start: '07:00', end: '08:30' }], text: 'Every day 07:00–08:30' },
    {
      slots: [{ days: [0, 1, 2, 3, 4, 5, 6], start: '07:00', end: '08:30' }],
      text: 'Every day 07:00–08:30',
    },
    { slots: [{ days: [], start: '07:00', end: '08:30' }], text: 'No day 07:00–08:30' },
    {
      slots: [tueThuEvening, { days: [6], start: '10:00', end: '12:00' }],
      text: 'Tue, Thu 18:00–20:00; Sat 10:00–12:00',
    },
    { slots: [], text: 'Any time' },
  ])('$text', ({ slots, text }) => {
    expect(describeSlots(slots)).toBe(text)
  })
})

describe('checkStartNow: instant sessions and early starts', () => {
  const slots = [tueThuEvening]
  it.each([
    // 2030-01-08 is a Tuesday; 17:30Z is 18:30 in Paris.
    { name: 'inside a slot', now: '2030-01-08T17:30:00Z', minutes: 30, hours: 0, fits: true },
    {
      name: 'running past the slot',
      now: '2030-01-08T18:30:00Z',
      minutes: 60,
      hours: 0,
      fits: false,
    },
    {
      name: 'on a day with no slot',
      now: '2030-01-09T17:30:00Z',
      minutes: 30,
      hours: 0,
      fits: false,
    },
    {
      name: 'with any advance notice',
      now: '2030-01-08T17:30:00Z',
      minutes: 30,
      hours: 1,
      fits: false,
    },
  ])('$name', ({ now, minutes, hours, fits }) => {
    const problem = checkStartNow({
      now: new Date(now),
      durationMinutes: minutes,
      timeZone: 'Europe/Paris',
      settings: { advance_notice_hours: hours, allowed_time_slots: slots },
    })
    expect(problem === null).toBe(fits)
  })

  it('accepts any time when the group has no slots and no notice', () => {
    const problem = checkStartNow({
      now: new Date('2030-01-09T03:00:00Z'),
      durationMinutes: 600,
      timeZone: 'Europe/Paris',
      settings: { advance_notice_hours: 0 },
    })
    expect(problem).toBeNull()
  })
})

// Rows added for mutants that survived `npm run test:mutation` (MUTATION_SCOPE=domain).
describe('checkStartNow and checkScheduleTime: what a refusal says', () => {
  const now = new Date('2030-01-08T17:30:00Z') // a Tuesday, 18:30 in Paris

  it('names the first instant that meets the notice', () => {
    expect(
      checkStartNow({
        now,
        durationMinutes: 30,
        timeZone: 'Europe/Paris',
        settings: { advance_notice_hours: 3 },
      }),
    ).toEqual({ code: 'TOO_SOON', earliest: new Date('2030-01-08T20:30:00Z') })
  })

  it('fits when any one slot holds the session, and lists them all when none does', () => {
    const morning: TimeSlot = { start: '07:00', end: '08:00' }
    const input = { durationMinutes: 30, timeZone: 'Europe/Paris' }
    const slots = [morning, tueThuEvening]
    expect(
      checkStartNow({
        ...input,
        now,
        settings: { advance_notice_hours: 0, allowed_time_slots: slots },
      }),
    ).toBeNull()
    const wednesday = new Date('2030-01-09T17:30:00Z')
    expect(
      checkStartNow({
        ...input,
        now: wednesday,
        settings: { advance_notice_hours: 0, allowed_time_slots: slots },
      }),
    ).toEqual({ code: 'OUTSIDE_ALLOWED_SLOTS', slots })
  })
})
