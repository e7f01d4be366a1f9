import { describe, expect, it } from 'vitest'
import {
  type OccurrencesInput,
  occurrencesBetween,
  parseRecurrenceRule,
  RecurrenceRuleError,
  ruleAfterSkipping,
  ruleEndingBefore,
  shiftWallClock,
} from './recurrence.ts'

/** Occurrences as ISO strings, so a failing table row shows readable instants. */
function expand(input: {
  rule: string
  first: string
  zone: string
  from?: string
  to?: string
  limit?: number
}): string[] {
  const series: OccurrencesInput = {
    rule: input.rule,
    firstStartsAt: new Date(input.first),
    timeZone: input.zone,
    from: new Date(input.from ?? input.first),
    to: new Date(input.to ?? '2028-01-01T00:00:00Z'),
    limit: input.limit,
  }
  return occurrencesBetween(series).map((instant) => instant.toISOString())
}

describe('occurrencesBetween: the group’s wall-clock time survives DST changes', () => {
  it.each([
    {
      name: 'Tue/Thu 18:00 Europe/Paris across 2026-10-25 (CEST → CET)',
      rule: 'FREQ=WEEKLY;BYDAY=TU,TH',
      zone: 'Europe/Paris',
      first: '2026-10-20T16:00:00.000Z',
      to: '2026-10-30T00:00:00Z',
      expected: [
        '2026-10-20T16:00:00.000Z',
        '2026-10-22T16:00:00.000Z',
        '2026-10-27T17:00:00.000Z',
        '2026-10-29T17:00:00.000Z',
      ],
    },
    {
      name: 'Tue/Thu 18:00 Europe/Paris across 2026-03-29 (CET → CEST)',
      rule: 'RRULE:FREQ=WEEKLY;BYDAY=TU,TH',
      zone: 'Europe/Paris',
      first: '2026-03-24T17:00:00.000Z',
      to: '2026-04-01T00:00:00Z',
      expected: [
        '2026-03-24T17:00:00.000Z',
        '2026-03-26T17:00:00.000Z',
        '2026-03-31T16:00:00.000Z',
      ],
    },
    {
      name: 'Tue/Thu 18:00 America/New_York across 2026-03-08 (EST → EDT)',
      rule: 'FREQ=WEEKLY;BYDAY=TU,TH',
      zone: 'America/New_York',
      first: '2026-03-03T23:00:00.000Z',
      to: '2026-03-13T00:00:00Z',
      expected: [
        '2026-03-03T23:00:00.000Z',
        '2026-03-05T23:00:00.000Z',
        '2026-03-10T22:00:00.000Z',
        '2026-03-12T22:00:00.000Z',
      ],
    },
    {
      name: 'daily 09:00 America/New_York across 2026-11-01 (EDT → EST)',
      rule: 'FREQ=DAILY;COUNT=3',
      zone: 'America/New_York',
      first: '2026-10-31T13:00:00.000Z',
      expected: [
        '2026-10-31T13:00:00.000Z',
        '2026-11-01T14:00:00.000Z',
        '2026-11-02T14:00:00.000Z',
      ],
    },
  ])('$name', ({ rule, zone, first, to, expected }) => {
    expect(expand({ rule, first, zone, to })).toEqual(expected)
  })
})

describe('occurrencesBetween: BYDAY is the group’s weekday, not UTC’s', () => {
  it.each([
    {
      // Monday 08:00 in Auckland (UTC+12 in June) is Sunday 20:00 in UTC.
      name: 'Mondays 08:00 Pacific/Auckland',
      rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=2',
      zone: 'Pacific/Auckland',
      first: '2026-06-07T20:00:00.000Z',
      expected: ['2026-06-07T20:00:00.000Z', '2026-06-14T20:00:00.000Z'],
    },
    {
      // Thursday 18:00 in Los Angeles (UTC−7 in June) is Friday 01:00 in UTC.
      name: 'Thursdays 18:00 America/Los_Angeles',
      rule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=2',
      zone: 'America/Los_Angeles',
      first: '2026-06-12T01:00:00.000Z',
      expected: ['2026-06-12T01:00:00.000Z', '2026-06-19T01:00:00.000Z'],
    },
    {
      name: 'last Friday of the month, 18:00 America/Los_Angeles',
      rule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3',
      zone: 'America/Los_Angeles',
      first: '2026-06-27T01:00:00.000Z',
      expected: [
        '2026-06-27T01:00:00.000Z',
        '2026-08-01T01:00:00.000Z',
        '2026-08-29T01:00:00.000Z',
      ],
    },
  ])('$name', ({ rule, zone, first, expected }) => {
    expect(expand({ rule, first, zone })).toEqual(expected)
  })
})

describe('occurrencesBetween: COUNT, UNTIL and the first occurrence', () => {
  // Daily at 09:00 Paris (CEST), starting Monday 2026-06-01.
  const first = '2026-06-01T07:00:00.000Z'
  const zone = 'Europe/Paris'
  const june = (day: number) => `2026-06-0${day}T07:00:00.000Z`

  it.each([
    { name: 'COUNT=3', rule: 'FREQ=DAILY;COUNT=3', from: first, expected: [1, 2, 3] },
    {
      name: 'COUNT counts from the first, not from `from`',
      rule: 'FREQ=DAILY;COUNT=3',
      from: june(2),
      expected: [2, 3],
    },
    {
      name: 'COUNT=1 is the first session alone',
      rule: 'FREQ=DAILY;COUNT=1',
      from: first,
      expected: [1],
    },
    {
      name: 'UNTIL in UTC, on an occurrence, is inclusive',
      rule: 'FREQ=DAILY;UNTIL=20260603T070000Z',
      from: first,
      expected: [1, 2, 3],
    },
    {
      name: 'UNTIL in UTC, a second before',
      rule: 'FREQ=DAILY;UNTIL=20260603T065959Z',
      from: first,
      expected: [1, 2],
    },
    {
      name: 'UNTIL as local time (09:00 Paris)',
      rule: 'FREQ=DAILY;UNTIL=20260603T090000',
      from: first,
      expected: [1, 2, 3],
    },
    {
      name: 'UNTIL as local time (08:59 Paris)',
      rule: 'FREQ=DAILY;UNTIL=20260603T085900',
      from: first,
      expected: [1, 2],
    },
    {
      name: 'UNTIL as a date covers that local day',
      rule: 'FREQ=DAILY;UNTIL=20260603',
      from: first,
      expected: [1, 2, 3],
    },
    {
      name: 'every other day',
      rule: 'FREQ=DAILY;INTERVAL=2;COUNT=3',
      from: first,
      expected: [1, 3, 5],
    },
  ])('$name', ({ rule, from, expected }) => {
    expect(expand({ rule, first, zone, from })).toEqual(expected.map(june))
  })

  it.each([
    // RFC 5545: DTSTART is always the first occurrence and counts toward COUNT, even off the rule.
    {
      name: 'a Monday start for BYDAY=TU,TH is kept and counted',
      rule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=3',
      expected: [1, 2, 4],
    },
    {
      name: 'COUNT=1 off the rule is the first session alone',
      rule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=1',
      expected: [1],
    },
    {
      name: 'without COUNT it comes before the rule’s own',
      rule: 'FREQ=WEEKLY;BYDAY=WE',
      expected: [1, 3],
    },
  ])('$name', ({ rule, expected }) => {
    expect(expand({ rule, first, zone, to: '2026-06-05T00:00:00Z' })).toEqual(expected.map(june))
  })
})

describe('occurrencesBetween: the [from, to) window and limit', () => {
  const first = '2026-06-01T07:00:00.000Z' // daily at 09:00 Paris
  const base = { rule: 'FREQ=DAILY', first, zone: 'Europe/Paris' }

  it.each([
    {
      name: 'from on an occurrence is inclusive',
      from: '2026-06-03T07:00:00Z',
      to: '2026-06-05T00:00:00Z',
      limit: undefined,
      expected: ['2026-06-03T07:00:00.000Z', '2026-06-04T07:00:00.000Z'],
    },
    {
      name: 'to on an occurrence is exclusive',
      from: '2026-06-01T00:00:00Z',
      to: '2026-06-03T07:00:00Z',
      limit: undefined,
      expected: ['2026-06-01T07:00:00.000Z', '2026-06-02T07:00:00.000Z'],
    },
    {
      name: 'from a millisecond after an occurrence skips it',
      from: '2026-06-03T07:00:00.001Z',
      to: '2026-06-05T00:00:00Z',
      limit: undefined,
      expected: ['2026-06-04T07:00:00.000Z'],
    },
    {
      name: 'a window before the first session is empty',
      from: '2026-05-01T00:00:00Z',
      to: '2026-06-01T07:00:00Z',
      limit: undefined,
      expected: [],
    },
    {
      name: 'limit keeps the earliest',
      from: '2027-01-01T00:00:00Z',
      to: '2028-01-01T00:00:00Z',
      limit: 2,
      expected: ['2027-01-01T08:00:00.000Z', '2027-01-02T08:00:00.000Z'],
    },
    {
      name: 'limit 0',
      from: '2026-06-01T00:00:00Z',
      to: '2026-06-05T00:00:00Z',
      limit: 0,
      expected: [],
    },
    {
      name: 'an empty window',
      from: '2026-06-05T00:00:00Z',
      to: '2026-06-05T00:00:00Z',
      limit: undefined,
      expected: [],
    },
  ])('$name', ({ from, to, limit, expected }) => {
    expect(expand({ ...base, from, to, limit })).toEqual(expected)
  })

  it('returns at most 100 by default, ascending', () => {
    const found = expand({ ...base, to: '2028-01-01T00:00:00Z' })
    expect(found).toHaveLength(100)
    expect(found.at(-1)).toBe('2026-09-08T07:00:00.000Z')
    expect([...found].sort()).toEqual(found)
  })
})

describe('occurrencesBetween: local times that DST skips or repeats', () => {
  // Chosen as RFC 5545 §3.3.5 says. Luxon agrees on skipped times (it shifts them forward by the
  // gap) but picks either reading of a repeated time depending on the zone, so the module decides.
  it.each([
    {
      name: '02:30 Paris does not exist on 2026-03-29: 03:30 CEST, the gap’s length later',
      zone: 'Europe/Paris',
      first: '2026-03-28T01:30:00.000Z', // 02:30 CET
      expected: [
        '2026-03-28T01:30:00.000Z',
        '2026-03-29T01:30:00.000Z',
        '2026-03-30T00:30:00.000Z',
      ],
    },
    {
      name: '02:30 New York does not exist on 2026-03-08: 03:30 EDT',
      zone: 'America/New_York',
      first: '2026-03-07T07:30:00.000Z', // 02:30 EST
      expected: [
        '2026-03-07T07:30:00.000Z',
        '2026-03-08T07:30:00.000Z',
        '2026-03-09T06:30:00.000Z',
      ],
    },
    {
      name: '02:30 Paris happens twice on 2026-10-25: the first, in CEST',
      zone: 'Europe/Paris',
      first: '2026-10-24T00:30:00.000Z', // 02:30 CEST
      expected: [
        '2026-10-24T00:30:00.000Z',
        '2026-10-25T00:30:00.000Z',
        '2026-10-26T01:30:00.000Z',
      ],
    },
    {
      name: '01:30 New York happens twice on 2026-11-01: the first, in EDT',
      zone: 'America/New_York',
      first: '2026-10-31T05:30:00.000Z', // 01:30 EDT
      expected: [
        '2026-10-31T05:30:00.000Z',
        '2026-11-01T05:30:00.000Z',
        '2026-11-02T06:30:00.000Z',
      ],
    },
  ])('$name', ({ zone, first, expected }) => {
    expect(expand({ rule: 'FREQ=DAILY;COUNT=3', first, zone })).toEqual(expected)
  })
})

describe('parseRecurrenceRule', () => {
  it.each([
    'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=10',
    'RRULE:FREQ=WEEKLY;BYDAY=TU,TH',
    'rrule:freq=daily;count=365',
    ' FREQ=DAILY; ',
    'FREQ=DAILY;UNTIL=20261231',
    'FREQ=DAILY;UNTIL=20261231T180000',
    'FREQ=DAILY;UNTIL=20261231T170000Z',
    'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,SA',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=MONTHLY;BYMONTHDAY=1,15',
    'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15',
    'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
  ])('accepts %s', (rule) => {
    expect(parseRecurrenceRule(rule)).toEqual({ ok: true })
  })

  it.each([
    { rule: '', message: /empty/ },
    { rule: 'RRULE:', message: /empty/ },
    { rule: 'every tuesday', message: /not NAME=VALUE/ },
    { rule: 'FREQ=WEEKLY;BYDAY', message: /not NAME=VALUE/ },
    { rule: 'COUNT=3', message: /FREQ is required/ },
    { rule: 'FREQ=NEVER', message: /FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY/ },
    { rule: 'FREQ=HOURLY', message: /at most daily/ },
    { rule: 'FREQ=MINUTELY;COUNT=5', message: /at most daily/ },
    { rule: 'FREQ=SECONDLY', message: /at most daily/ },
    { rule: 'FREQ=DAILY;FREQ=WEEKLY', message: /FREQ is given twice/ },
    { rule: 'FREQ=DAILY;COUNT=366', message: /COUNT must be a whole number from 1 to 365/ },
    { rule: 'FREQ=DAILY;COUNT=0', message: /COUNT must be/ },
    { rule: 'FREQ=DAILY;COUNT=abc', message: /COUNT must be/ },
    { rule: 'FREQ=DAILY;COUNT=-1', message: /COUNT must be/ },
    { rule: 'FREQ=DAILY;INTERVAL=0', message: /INTERVAL must be/ },
    { rule: 'FREQ=DAILY;COUNT=3;UNTIL=20261231T000000Z', message: /COUNT or UNTIL, not both/ },
    { rule: 'FREQ=DAILY;UNTIL=2026-12-31', message: /UNTIL must be a date/ },
    { rule: 'FREQ=DAILY;UNTIL=20260231', message: /not a real date/ },
    { rule: 'FREQ=WEEKLY;BYDAY=XX', message: /BYDAY must list weekdays/ },
    { rule: 'FREQ=WEEKLY;BYDAY=TU, TH', message: /BYDAY must list weekdays/ },
    { rule: 'FREQ=WEEKLY;BYDAY=2TU', message: /only when FREQ is MONTHLY or YEARLY/ },
    { rule: 'FREQ=MONTHLY;BYDAY=0TU', message: /1–53/ },
    { rule: 'FREQ=WEEKLY;WKST=1MO', message: /plain weekday/ },
    { rule: 'FREQ=MONTHLY;BYMONTHDAY=0', message: /BYMONTHDAY values/ },
    { rule: 'FREQ=MONTHLY;BYMONTHDAY=32', message: /BYMONTHDAY values/ },
    { rule: 'FREQ=YEARLY;BYMONTH=13', message: /BYMONTH values/ },
    { rule: 'FREQ=YEARLY;BYMONTH=-1', message: /BYMONTH values/ },
    { rule: 'FREQ=WEEKLY;BYMONTHDAY=1', message: /cannot be used with WEEKLY/ },
    { rule: 'FREQ=MONTHLY;BYYEARDAY=100', message: /only with FREQ=YEARLY/ },
    { rule: 'FREQ=MONTHLY;BYSETPOS=1', message: /BYSETPOS needs another/ },
    { rule: 'FREQ=DAILY;BYHOUR=9', message: /time of the first one/ },
    { rule: 'FREQ=DAILY;BYMINUTE=30', message: /time of the first one/ },
    { rule: 'FREQ=DAILY;TZID=Europe/Paris', message: /does not belong in the rule/ },
    { rule: 'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY', message: /single RRULE line/ },
    { rule: 'FREQ=DAILY;FOO=1', message: /Unknown rule part FOO/ },
  ])('rejects $rule', ({ rule, message }) => {
    const result = parseRecurrenceRule(rule)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it('makes occurrencesBetween throw a RecurrenceRuleError for a rejected rule', () => {
    const expandJunk = () =>
      expand({ rule: 'FREQ=HOURLY', first: '2026-06-01T07:00:00Z', zone: 'UTC' })
    expect(expandJunk).toThrow(RecurrenceRuleError)
  })
})

describe('cutting and splitting a series', () => {
  const paris = 'Europe/Paris'
  const first = new Date('2030-01-07T17:00:00Z') // a Monday, 18:00 in Paris
  const weekly = (rule: string, from = first) =>
    occurrencesBetween({
      rule,
      firstStartsAt: from,
      timeZone: paris,
      from,
      to: new Date('2031-01-01T00:00:00Z'),
    }).map((d) => d.toISOString())

  it.each([
    ['FREQ=WEEKLY;COUNT=8', 'FREQ=WEEKLY;UNTIL=20300121T165959Z'],
    ['FREQ=WEEKLY;UNTIL=20301231', 'FREQ=WEEKLY;UNTIL=20300121T165959Z'],
    ['FREQ=WEEKLY;BYDAY=MO,WE', 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20300121T165959Z'],
  ])('%s ended before the third Monday → %s', (rule, expected) => {
    const cut = ruleEndingBefore(rule, new Date('2030-01-21T17:00:00Z'))
    expect(cut).toBe(expected)
    expect(parseRecurrenceRule(cut)).toEqual({ ok: true })
    expect(weekly(cut).filter((d) => d >= '2030-01-21')).toEqual([])
  })

  it('keeps the earlier occurrences of a cut series', () => {
    const cut = ruleEndingBefore('FREQ=WEEKLY;COUNT=8', new Date('2030-01-21T17:00:00Z'))
    expect(weekly(cut)).toEqual(['2030-01-07T17:00:00.000Z', '2030-01-14T17:00:00.000Z'])
  })

  it.each([
    ['FREQ=WEEKLY;COUNT=8', 3, 'FREQ=WEEKLY;COUNT=5'],
    ['FREQ=WEEKLY;COUNT=2', 5, 'FREQ=WEEKLY;COUNT=1'],
    ['FREQ=DAILY;UNTIL=20300201', 3, 'FREQ=DAILY;UNTIL=20300201'],
    ['FREQ=WEEKLY', 3, 'FREQ=WEEKLY'],
  ])('%s after skipping %i → %s', (rule, skipped, expected) => {
    expect(ruleAfterSkipping(rule, skipped)).toBe(expected)
  })
})

describe('moving occurrences on the wall clock', () => {
  const paris = 'Europe/Paris'
  it.each([
    // A Monday 18:00 series moved to 19:00: a later occurrence after the spring change too.
    [
      '2030-04-01T16:00:00Z',
      '2030-03-04T17:00:00Z',
      '2030-03-04T18:00:00Z',
      '2030-04-01T17:00:00Z',
    ],
    [
      '2030-03-11T17:00:00Z',
      '2030-03-04T17:00:00Z',
      '2030-03-04T18:00:00Z',
      '2030-03-11T18:00:00Z',
    ],
    // Moved a day later and half an hour earlier.
    [
      '2030-01-14T17:00:00Z',
      '2030-01-07T17:00:00Z',
      '2030-01-08T16:30:00Z',
      '2030-01-15T16:30:00Z',
    ],
  ])('%s moved like %s → %s lands at %s', (instant, from, to, expected) => {
    const moved = shiftWallClock(new Date(instant), new Date(from), new Date(to), paris)
    expect(moved.toISOString()).toBe(new Date(expected).toISOString())
  })
})

// Rows added for mutants that survived `npm run test:mutation` (MUTATION_SCOPE=domain).
describe('occurrencesBetween: empty windows', () => {
  const weekly = { rule: 'FREQ=WEEKLY', first: '2030-01-07T17:00:00Z', zone: 'Europe/Paris' }
  it.each([
    { name: 'a limit of 0', limit: 0, to: '2030-03-01T00:00:00Z' },
    { name: 'a window that ends where it starts', limit: 5, to: '2030-01-07T17:00:00Z' },
    { name: 'a window that ends before it starts', limit: 5, to: '2030-01-01T00:00:00Z' },
  ])('finds nothing in $name', ({ limit, to }) => {
    expect(expand({ ...weekly, limit, to })).toEqual([])
  })
})

describe('shiftWallClock: moves by days and minutes on the group’s clock', () => {
  it.each([
    // 18:00 Paris → 19:30 two days later: every occurrence moves the same way.
    {
      from: '2030-01-07T17:00:00Z',
      to: '2030-01-09T18:30:00Z',
      instant: '2030-01-14T17:00:00Z',
      moved: '2030-01-16T18:30:00Z',
    },
    // 18:45 → 18:15 the same day, a move earlier that crosses no hour boundary backwards.
    {
      from: '2030-01-07T17:45:00Z',
      to: '2030-01-07T17:15:00Z',
      instant: '2030-01-21T17:45:00Z',
      moved: '2030-01-21T17:15:00Z',
    },
    // Monday → Tuesday at 18:00 moves a Saturday 18:00 (CET) to Sunday 18:00, which is CEST:
    // the day is added on the group's clock, not in UTC.
    {
      from: '2030-01-07T17:00:00Z',
      to: '2030-01-08T17:00:00Z',
      instant: '2030-03-30T17:00:00Z',
      moved: '2030-03-31T16:00:00Z',
    },
  ])('$from → $to moves $instant to $moved', ({ from, to, instant, moved }) => {
    const shifted = shiftWallClock(new Date(instant), new Date(from), new Date(to), 'Europe/Paris')
    expect(shifted.toISOString()).toBe(new Date(moved).toISOString())
  })
})

describe('parseRecurrenceRule: bounds and exact forms', () => {
  it.each([
    'RRULE:FREQ=WEEKLY;COUNT=3',
    'FREQ=MONTHLY;BYMONTHDAY=31',
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=YEARLY;BYDAY=53MO',
    'FREQ=YEARLY;BYDAY=-53MO',
  ])('accepts %s', (rule) => {
    expect(parseRecurrenceRule(rule)).toEqual({ ok: true })
  })

  it.each([
    'FREQ=WEEKLY;COUNT=3x',
    'FREQ=WEEKLY;COUNT=x3',
    'FREQ=MONTHLY;BYMONTHDAY=32',
    'FREQ=MONTHLY;BYMONTHDAY=1x',
    'FREQ=MONTHLY;BYMONTHDAY=x1',
    'FREQ=YEARLY;BYDAY=54MO',
    'FREQ=YEARLY;BYDAY=0MO',
    'FREQ=YEARLY;BYDAY=MOX',
    'FREQ=WEEKLY;BYDAY=1MO',
    'FREQ=DAILY;UNTIL=20300101T000000Zx',
    'FREQ=DAILY;UNTIL=x20300101',
  ])('refuses %s', (rule) => {
    expect(parseRecurrenceRule(rule)).toMatchObject({ ok: false })
  })
})
