import { describe, expect, it } from 'vitest'
import { type SessionFilterValues, toSessionQuery } from './use-session-filters'

const none: SessionFilterValues = {
  status: '',
  type: '',
  createdBy: '',
  from: '',
  to: '',
  order: 'newest',
  view: 'all',
}
const now = new Date('2026-11-28T10:00:00Z')

describe('toSessionQuery', () => {
  it('lists every session newest first, one row per series', () => {
    expect(toSessionQuery(none, 'Europe/Paris', now)).toEqual({
      collapseSeries: 'true',
      order: 'newest',
    })
  })

  it('takes the days as whole days in the group’s zone, the last one included', () => {
    expect(
      toSessionQuery({ ...none, from: '2026-12-01', to: '2026-12-02' }, 'Europe/Paris', now),
    ).toMatchObject({ from: '2026-11-30T23:00:00.000Z', to: '2026-12-02T23:00:00.000Z' })
  })

  it.each([
    ['', '2026-11-28T10:00:00.000Z'],
    ['2026-11-01', '2026-11-28T10:00:00.000Z'],
    ['2026-12-01', '2026-11-30T23:00:00.000Z'],
  ])('Upcoming from "%s" starts at %s, soonest first whatever the order', (from, expected) => {
    expect(
      toSessionQuery({ ...none, view: 'upcoming', from, order: 'newest' }, 'Europe/Paris', now),
    ).toMatchObject({ from: expected, order: 'soonest', collapseSeries: 'true' })
  })
})
