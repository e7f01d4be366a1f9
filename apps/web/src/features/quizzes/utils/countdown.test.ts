import { describe, expect, it } from 'vitest'
import { countdownAnnouncement } from './countdown'

describe('countdownAnnouncement', () => {
  it.each([
    [60, 60, 'You have 60 seconds to answer this question.'],
    [31, 60, 'You have 60 seconds to answer this question.'],
    [30, 60, '30 seconds left.'],
    [11, 60, '30 seconds left.'],
    [10, 60, '10 seconds left.'],
    [1, 60, '10 seconds left.'],
    [20, 20, 'You have 20 seconds to answer this question.'],
    [10, 20, '10 seconds left.'],
    // A limit at or under a moment never announces that moment: it would repeat the start.
    [10, 10, 'You have 10 seconds to answer this question.'],
    [5, 5, 'You have 5 seconds to answer this question.'],
    [1, 5, 'You have 5 seconds to answer this question.'],
  ])('%i s left of %i s: %s', (secondsLeft, limitS, expected) => {
    expect(countdownAnnouncement(secondsLeft, limitS)).toBe(expected)
  })
})
