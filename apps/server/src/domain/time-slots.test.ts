import type { TimeSlot } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  checkScheduleTime,
  checkStartNow,
  describeSlots,
  MAX_SCHEDULE_AHEAD_MS,
  nextAllowedStart,
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

describe('nextAllowedStart', () => {
  const weekdayEvenings: TimeSlot = { days: [1, 2, 3, 4, 5], start: '18:00', end: '20:00' }
  const everyNight = (start: string, end: string): TimeSlot => ({ start, end })

  // `local` spells out the expected start on the group's wall clock.
  it.each([
    {
      name: 'no rules: the next step after now',
      now: '2026-06-09T10:02:13Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: undefined,
      minutes: 60,
      expected: '2026-06-09T10:05:00.000Z',
    },
    {
      name: 'no rules, now on a step: the step after, since a start must lie ahead',
      now: '2026-06-09T10:00:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [],
      minutes: 60,
      expected: '2026-06-09T10:05:00.000Z',
    },
    {
      name: '48 h notice, no slots',
      now: '2026-06-08T10:02:00Z',
      zone: 'Europe/Paris',
      notice: 48,
      slots: undefined,
      minutes: 60,
      expected: '2026-06-10T10:05:00.000Z',
    },
    {
      name: '48 h notice from Mon, Tue/Thu slots: Thu 18:00 Paris',
      now: '2026-06-08T10:00:00Z',
      zone: 'Europe/Paris',
      notice: 48,
      slots: [tueThuEvening],
      minutes: 60,
      expected: '2026-06-11T16:00:00.000Z',
    },
    {
      name: 'inside a slot with room left: the next step (Tue 18:35 Paris)',
      now: '2026-06-09T16:32:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [tueThuEvening],
      minutes: 60,
      expected: '2026-06-09T16:35:00.000Z',
    },
    {
      name: 'inside a slot without room: the next slot day (Thu 18:00 Paris)',
      now: '2026-06-09T17:10:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [tueThuEvening],
      minutes: 60,
      expected: '2026-06-11T16:00:00.000Z',
    },
    {
      name: 'several slots: the earliest that fits, by weekday (Mon 07:00 before noon slot)',
      now: '2026-06-07T12:30:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [everyNight('12:00', '13:00'), { days: [1], start: '07:00', end: '08:00' }],
      minutes: 45,
      expected: '2026-06-08T05:00:00.000Z',
    },
    {
      name: 'a slot too short for one day is skipped for a longer one',
      now: '2026-06-07T12:30:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [{ days: [1], start: '07:00', end: '08:00' }, everyNight('12:00', '14:00')],
      minutes: 90,
      expected: '2026-06-08T10:00:00.000Z',
    },
    {
      name: 'New York, Fri evening full: Mon 18:00 EDT after the spring change',
      now: '2026-03-06T23:30:00Z',
      zone: 'America/New_York',
      notice: 0,
      slots: [weekdayEvenings],
      minutes: 120,
      expected: '2026-03-09T22:00:00.000Z',
    },
    {
      name: 'New York, Fri evening full: Mon 18:00 EST after the autumn change',
      now: '2026-10-30T23:30:00Z',
      zone: 'America/New_York',
      notice: 0,
      slots: [weekdayEvenings],
      minutes: 120,
      expected: '2026-11-02T23:00:00.000Z',
    },
    {
      name: 'New York, 48 h notice across the spring change lands inside Sunday’s slot',
      now: '2026-03-06T20:00:00Z',
      zone: 'America/New_York',
      notice: 48,
      slots: [everyNight('09:00', '17:00')],
      minutes: 60,
      expected: '2026-03-08T20:00:00.000Z',
    },
    {
      name: 'Paris spring change: 01:00–04:00 holds 120 real minutes that night',
      now: '2026-03-28T12:00:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [everyNight('01:00', '04:00')],
      minutes: 120,
      expected: '2026-03-29T00:00:00.000Z',
    },
    {
      name: 'Paris spring change: 150 minutes do not fit the short night, the next night they do',
      now: '2026-03-28T12:00:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [everyNight('01:00', '04:00')],
      minutes: 150,
      expected: '2026-03-29T23:00:00.000Z',
    },
    {
      name: 'Paris autumn change: 01:00–03:00 holds 150 real minutes that night',
      now: '2026-10-24T12:00:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [everyNight('01:00', '03:00')],
      minutes: 150,
      expected: '2026-10-24T23:00:00.000Z',
    },
    {
      name: 'Paris autumn change: a later start ends earlier on the clock (02:00 CET start fits, 01:45 CEST does not)',
      now: '2026-10-24T23:40:00Z',
      zone: 'Europe/Paris',
      notice: 0,
      slots: [everyNight('00:00', '02:30')],
      minutes: 60,
      expected: '2026-10-25T00:00:00.000Z',
    },
  ])('$name', ({ now, zone, notice, slots, minutes, expected }) => {
    const start = nextAllowedStart({
      now: new Date(now),
      durationMinutes: minutes,
      timeZone: zone,
      settings: { advance_notice_hours: notice, allowed_time_slots: slots },
      appliesNotice: true,
      appliesSlots: true,
    })
    expect(start?.toISOString()).toBe(expected)
  })

  const base = {
    now: new Date('2026-06-08T10:02:00Z'),
    durationMinutes: 60,
    timeZone: 'Europe/Paris',
    settings: { advance_notice_hours: 48, allowed_time_slots: [tueThuEvening] },
  }

  it('leaves out the rules that do not apply to the caller', () => {
    const at = (appliesNotice: boolean, appliesSlots: boolean) =>
      nextAllowedStart({ ...base, appliesNotice, appliesSlots })?.toISOString()
    expect(at(false, false)).toBe('2026-06-08T10:05:00.000Z')
    expect(at(false, true)).toBe('2026-06-09T16:00:00.000Z')
    expect(at(true, false)).toBe('2026-06-10T10:05:00.000Z')
    expect(at(true, true)).toBe('2026-06-11T16:00:00.000Z')
  })

  it('rounds to the step asked for', () => {
    const start = nextAllowedStart({
      ...base,
      settings: { advance_notice_hours: 0 },
      appliesNotice: true,
      appliesSlots: true,
      stepMinutes: 15,
    })
    expect(start?.toISOString()).toBe('2026-06-08T10:15:00.000Z')
  })

  it.each([
    { name: 'longer than every slot', slots: [tueThuEvening], minutes: 121 },
    { name: 'a slot on no day', slots: [{ days: [], start: '08:00', end: '20:00' }], minutes: 30 },
  ])('is null when nothing fits within two years: $name', ({ slots, minutes }) => {
    const start = nextAllowedStart({
      ...base,
      durationMinutes: minutes,
      settings: { advance_notice_hours: 0, allowed_time_slots: slots },
      appliesNotice: true,
      appliesSlots: true,
    })
    expect(start).toBeNull()
  })

  it('never proposes a start the validator refuses', () => {
    const now = new Date('2026-03-05T09:17:00Z')
    for (const minutes of [15, 60, 110]) {
      for (const timeZone of ['Europe/Paris', 'America/New_York', 'Asia/Kathmandu']) {
        const settings = {
          advance_notice_hours: 30,
          allowed_time_slots: [weekdayEvenings, { days: [0], start: '01:30', end: '03:30' }],
        }
        const start = nextAllowedStart({
          now,
          durationMinutes: minutes,
          timeZone,
          settings,
          appliesNotice: true,
          appliesSlots: true,
        })
        if (!start) throw new Error(`no start for ${minutes} min in ${timeZone}`)
        expect(
          checkScheduleTime({ startsAt: start, durationMinutes: minutes, now, timeZone, settings }),
        ).toBeNull()
        // Five minutes earlier is refused: the proposal is the earliest on the step.
        expect(
          checkScheduleTime({
            startsAt: new Date(start.getTime() - 5 * 60_000),
            durationMinutes: minutes,
            now,
            timeZone,
            settings,
          }),
        ).not.toBeNull()
      }
    }
  })
})
