import type { GroupSession } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { canAddToCalendar, sessionCalendarPath } from './session-calendar-file'

describe('a session’s calendar file', () => {
  it.each<[GroupSession['status'], boolean]>([
    ['scheduled', true],
    ['active', true],
    ['pending_approval', false],
    ['completed', false],
    ['cancelled', false],
  ])('is offered for a %s session: %s', (status, offered) => {
    expect(canAddToCalendar(status)).toBe(offered)
  })

  it('is downloaded from the session’s calendar.ics', () => {
    expect(sessionCalendarPath('g 1', 's/2')).toBe('/api/groups/g%201/sessions/s%2F2/calendar.ics')
  })
})
