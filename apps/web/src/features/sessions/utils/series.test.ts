import { describe, expect, it } from 'vitest'
import { describeSeries } from './series'

describe('describeSeries', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=8', 3, 8, 'Weekly on Tue · 3 of 8 upcoming'],
    ['FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4', 4, 4, 'Weekly on Mon, Thu · 4 of 4 upcoming'],
    ['FREQ=WEEKLY;COUNT=4', 0, 4, 'Weekly · none upcoming of 4'],
    [null, 1, 2, 'Repeats · 1 of 2 upcoming'],
  ])('%s with %i of %i upcoming reads "%s"', (rule, upcoming, total, expected) => {
    const series = { occurrenceCount: total, upcomingCount: upcoming, completedCount: 0 }
    expect(describeSeries({ recurrenceRule: rule }, series)).toBe(expected)
  })
})
