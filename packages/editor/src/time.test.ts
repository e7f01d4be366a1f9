import { describe, expect, it } from 'vitest'
import { formatClock, parseClock } from './time.ts'

describe('formatClock', () => {
  it.each([
    [0, '0:00.0'],
    [0.04, '0:00.0'],
    [0.05, '0:00.1'],
    [9.5, '0:09.5'],
    [59.96, '1:00.0'],
    [75.25, '1:15.3'],
    [600, '10:00.0'],
    [3599.9, '59:59.9'],
    [3599.96, '1:00:00.0'],
    [3725, '1:02:05.0'],
    [36_000, '10:00:00.0'],
    [-3, '0:00.0'],
    [Number.NaN, '0:00.0'],
  ])('%s s → %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text)
  })
})

describe('parseClock', () => {
  it.each([
    ['0:00.0', 0],
    ['1:15.3', 75.3],
    ['1:15', 75],
    ['  1:15  ', 75],
    ['15.3', 15.3],
    ['15', 15],
    ['90', 90],
    ['0', 0],
    ['10:00', 600],
    ['1:02:05', 3725],
    ['1:02:05.5', 3725.5],
    ['0:59.99', 59.99],
  ])('%j → %s', (text, seconds) => {
    expect(parseClock(text)).toBe(seconds)
  })

  it.each([
    [''],
    ['   '],
    ['-1'],
    ['-0:10'],
    ['1:60'],
    ['1:75.0'],
    ['1:5'],
    ['1:60:00'],
    ['1:00:60'],
    ['abc'],
    ['1:2:3:4'],
    ['1.5:00'],
    ['1:'],
    [':30'],
    ['12.'],
    ['.5'],
    ['1e3'],
    ['1:15.3s'],
  ])('%j → null', (text) => {
    expect(parseClock(text)).toBeNull()
  })

  it('reads back what formatClock writes', () => {
    for (const seconds of [0, 0.1, 12.3, 75.3, 599.9, 3725, 7322.4]) {
      expect(parseClock(formatClock(seconds))).toBe(seconds)
    }
  })
})
