import { describe, expect, it } from 'vitest'
import { timeZoneChoices } from './time-zones'

const winter = new Date('2026-01-15T12:00:00Z')
const summer = new Date('2026-07-15T12:00:00Z')

describe('timeZoneChoices', () => {
  it('labels each zone with its offset on the given day, underscores as spaces', () => {
    const known = ['Europe/Paris', 'America/New_York']
    expect(timeZoneChoices([], winter, known)).toEqual([
      { value: 'America/New_York', label: 'America/New York (UTC-05:00)' },
      { value: 'Europe/Paris', label: 'Europe/Paris (UTC+01:00)' },
      { value: 'UTC', label: 'UTC' },
    ])
    expect(timeZoneChoices([], summer, ['Europe/Paris'])[0]?.label).toBe('Europe/Paris (UTC+02:00)')
  })

  it('keeps the saved and detected zones the browser does not list, once each', () => {
    const values = timeZoneChoices(['Asia/Calcutta', null, 'Europe/Paris'], winter, [
      'Asia/Kolkata',
      'Europe/Paris',
    ]).map((choice) => choice.value)
    expect(values).toEqual(['Asia/Calcutta', 'Asia/Kolkata', 'Europe/Paris', 'UTC'])
  })
})
