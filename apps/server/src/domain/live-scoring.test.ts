import { describe, expect, it } from 'vitest'
import { livePoints, maxLiveScore } from './live-scoring.ts'

describe('points in a live session', () => {
  it.each([
    // correct, points, scoring, elapsed, limit → points
    [true, 1, 'speed', 0, 20_000, 1000],
    [true, 1, 'speed', 10_000, 20_000, 750],
    [true, 1, 'speed', 20_000, 20_000, 500],
    [true, 2, 'speed', 5_000, 20_000, 1750],
    [true, 1, 'speed', 30_000, 20_000, 500],
    [true, 1, 'speed', -50, 20_000, 1000],
    [false, 1, 'speed', 0, 20_000, 0],
    [true, 3, 'correct_only', 19_000, 20_000, 3],
    [false, 3, 'correct_only', 1_000, 20_000, 0],
    [true, 0, 'speed', 0, 20_000, 0],
  ] as const)(
    'correct %s, %i point(s), %s, after %i of %i ms → %i',
    (correct, points, scoring, elapsedMs, limitMs, expected) => {
      expect(livePoints({ correct, points, scoring, elapsedMs, limitMs })).toBe(expected)
    },
  )

  it('scales the most one can score with speed scoring', () => {
    expect(maxLiveScore([1, 2, 1], 'speed')).toBe(4000)
    expect(maxLiveScore([1, 2, 1], 'correct_only')).toBe(4)
  })
})
