import { defaultEmailPreferences, type NotificationPreferences } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { withChange, withChangeUndone } from './preferences-cache'

const before: NotificationPreferences = {
  email: { ...defaultEmailPreferences },
  timeZone: 'Europe/Paris',
}

describe('withChange', () => {
  it.each([
    [{ email: { session_scheduled: false } }, { session_scheduled: false }, 'Europe/Paris'],
    [{ timeZone: null }, {}, null],
    [
      { timeZone: 'Asia/Tokyo', email: { results_ready: true } },
      { results_ready: true },
      'Asia/Tokyo',
    ],
    [{}, {}, 'Europe/Paris'],
  ])('%j changes only what it names', (change, email, timeZone) => {
    expect(withChange(before, change)).toEqual({
      email: { ...defaultEmailPreferences, ...email },
      timeZone,
    })
  })
})

describe('withChangeUndone', () => {
  it('puts back what the failed change named and keeps changes made since', () => {
    const failed = { email: { session_scheduled: false } }
    const since = { email: { invitation: false }, timeZone: 'Asia/Tokyo' }
    const now = withChange(withChange(before, failed), since)
    expect(withChangeUndone(now, before, failed)).toEqual({
      email: { ...defaultEmailPreferences, invitation: false },
      timeZone: 'Asia/Tokyo',
    })
  })

  it('puts back the time zone, null included', () => {
    const fromGroups = { ...before, timeZone: null }
    const failed = { timeZone: 'Asia/Tokyo' }
    expect(withChangeUndone(withChange(fromGroups, failed), fromGroups, failed)).toEqual(fromGroups)
  })
})
