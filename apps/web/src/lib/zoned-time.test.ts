import { describe, expect, it } from 'vitest'
import { instantToWallTime, startOfDayInZone, wallTimeToInstant, weekdayOf } from './zoned-time'

describe('wallTimeToInstant: what the schedule form sends', () => {
  it.each([
    [
      'Paris in winter',
      { date: '2026-12-01', time: '18:00' },
      'Europe/Paris',
      '2026-12-01T17:00:00.000Z',
    ],
    [
      'Paris in summer',
      { date: '2027-07-01', time: '18:00' },
      'Europe/Paris',
      '2027-07-01T16:00:00.000Z',
    ],
    [
      'New York the day after DST ends',
      { date: '2026-11-02', time: '09:30' },
      'America/New_York',
      '2026-11-02T14:30:00.000Z',
    ],
    [
      'Auckland, a day ahead of UTC',
      { date: '2026-12-01', time: '08:00' },
      'Pacific/Auckland',
      '2026-11-30T19:00:00.000Z',
    ],
    [
      'a time skipped by the spring change moves forward',
      { date: '2027-03-28', time: '02:30' },
      'Europe/Paris',
      '2027-03-28T01:30:00.000Z',
    ],
  ])('%s', (_, wall, zone, iso) => {
    expect(wallTimeToInstant(wall, zone)?.toISOString()).toBe(iso)
  })

  it('gives null for an incomplete date or time', () => {
    expect(wallTimeToInstant({ date: '2026-12-01', time: '' }, 'UTC')).toBeNull()
    expect(wallTimeToInstant({ date: '2026-13-01', time: '10:00' }, 'UTC')).toBeNull()
  })
})

describe('instantToWallTime and day boundaries', () => {
  it('reads an instant on the wall clock of a zone', () => {
    expect(instantToWallTime('2026-12-01T17:00:00Z', 'Europe/Paris')).toEqual({
      date: '2026-12-01',
      time: '18:00',
    })
    expect(instantToWallTime('2026-12-01T17:00:00Z', 'Asia/Tokyo')).toEqual({
      date: '2026-12-02',
      time: '02:00',
    })
  })

  it('finds midnight in a zone, for date filters', () => {
    expect(startOfDayInZone('2026-12-01', 'America/New_York')?.toISOString()).toBe(
      '2026-12-01T05:00:00.000Z',
    )
    expect(startOfDayInZone('2026-12-01', 'America/New_York', 1)?.toISOString()).toBe(
      '2026-12-02T05:00:00.000Z',
    )
  })

  it('numbers weekdays from Sunday = 0, as group time slots do', () => {
    expect(weekdayOf('2026-11-29')).toBe(0)
    expect(weekdayOf('2026-12-01')).toBe(2)
  })
})
