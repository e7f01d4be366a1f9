import type { SessionStatus } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { nextStatus, refusalMessage, type SessionEvent, statusesAllowing } from './session-state.ts'

const statuses: SessionStatus[] = [
  'pending_approval',
  'scheduled',
  'active',
  'completed',
  'cancelled',
]
const events: SessionEvent[] = ['approve', 'reject', 'start', 'complete', 'cancel', 'reschedule']

// Every (state, event) pair and where it leads; null = refused.
const expected: Record<SessionStatus, Record<SessionEvent, SessionStatus | null>> = {
  pending_approval: {
    approve: 'scheduled',
    reject: 'cancelled',
    start: null,
    complete: null,
    cancel: 'cancelled',
    reschedule: 'pending_approval',
  },
  scheduled: {
    approve: null,
    reject: null,
    start: 'active',
    complete: null,
    cancel: 'cancelled',
    reschedule: 'scheduled',
  },
  active: {
    approve: null,
    reject: null,
    start: null,
    complete: 'completed',
    cancel: 'cancelled',
    reschedule: null,
  },
  completed: {
    approve: null,
    reject: null,
    start: null,
    complete: null,
    cancel: null,
    reschedule: null,
  },
  cancelled: {
    approve: null,
    reject: null,
    start: null,
    complete: null,
    cancel: null,
    reschedule: null,
  },
}

describe('session state machine', () => {
  it.each(
    statuses.flatMap((from) => events.map((event) => ({ from, event, to: expected[from][event] }))),
  )('$from --$event--> $to', ({ from, event, to }) => {
    expect(nextStatus(from, event)).toBe(to)
    expect(statusesAllowing(event).includes(from)).toBe(to !== null)
  })

  it('explains a refusal in plain words', () => {
    expect(refusalMessage('completed', 'cancel')).toBe(
      'This session is over, so it cannot be cancelled.',
    )
  })
})
