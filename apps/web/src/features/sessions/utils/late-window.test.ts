import { describe, expect, it } from 'vitest'
import { isLateWindowOpen, parseLateUntil } from './late-window'

const now = Date.parse('2026-11-28T10:00:00Z')

describe('parseLateUntil', () => {
  it.each([
    [{ date: '2026-11-28', time: '11:30' }, 'Europe/Paris', '2026-11-28T10:30:00.000Z'],
    [{ date: '2026-11-28', time: '05:30' }, 'America/New_York', '2026-11-28T10:30:00.000Z'],
  ])('%o in %s is %s', (when, zone, expected) => {
    expect(parseLateUntil(when, zone, now).instant?.toISOString()).toBe(expected)
  })

  it.each([
    [{ date: '2026-11-28', time: '10:59' }, 'Pick a time in the future.'],
    [{ date: '2026-11-28', time: '11:00' }, 'Pick a time in the future.'],
    [{ date: '', time: '12:00' }, 'Pick a date and a time.'],
    [{ date: '2026-11-28', time: '' }, 'Pick a date and a time.'],
  ])('%o in Europe/Paris is refused: %s', (when, error) => {
    expect(parseLateUntil(when, 'Europe/Paris', now).error).toBe(error)
  })
})

describe('isLateWindowOpen', () => {
  it.each([
    [null, false],
    ['2026-11-28T09:59:59Z', false],
    ['2026-11-28T10:00:00Z', false],
    ['2026-11-28T10:00:01Z', true],
  ])('late until %s: open %s', (lateUntil, expected) => {
    expect(isLateWindowOpen({ lateUntil }, now)).toBe(expected)
  })
})
