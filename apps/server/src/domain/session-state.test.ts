import type { SessionStatus } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  answerWindow,
  nextStatus,
  refusalMessage,
  type SessionEvent,
  statusesAllowing,
} from './session-state.ts'

const statuses: SessionStatus[] = [
  'pending_approval',
  'scheduled',
  'active',
  'completed',
  'cancelled',
]
const events: SessionEvent[] = [
  'approve',
  'reject',
  'start',
  'complete',
  'cancel',
  'reschedule',
  'resubmit',
  'expire',
]

// Every (state, event) pair and where it leads; null = refused.
const expected: Record<SessionStatus, Record<SessionEvent, SessionStatus | null>> = {
  pending_approval: {
    approve: 'scheduled',
    reject: 'cancelled',
    start: null,
    complete: null,
    cancel: 'cancelled',
    reschedule: 'pending_approval',
    resubmit: 'pending_approval',
    expire: 'cancelled',
  },
  scheduled: {
    approve: null,
    reject: null,
    start: 'active',
    complete: null,
    cancel: 'cancelled',
    reschedule: 'scheduled',
    resubmit: 'pending_approval',
    expire: null,
  },
  active: {
    approve: null,
    reject: null,
    start: null,
    complete: 'completed',
    cancel: 'cancelled',
    reschedule: null,
    resubmit: null,
    expire: null,
  },
  completed: {
    approve: null,
    reject: null,
    start: null,
    complete: null,
    cancel: null,
    reschedule: null,
    resubmit: null,
    expire: null,
  },
  cancelled: {
    approve: null,
    reject: null,
    start: null,
    complete: null,
    cancel: null,
    reschedule: null,
    resubmit: null,
    expire: null,
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

describe('answer window', () => {
  const at = new Date('2030-01-01T12:00:00Z')
  const before = new Date(at.getTime() - 1)
  const after = new Date(at.getTime() + 60_000)
  it.each([
    { status: 'active', lateUntil: null, expected: { open: true, late: false } },
    { status: 'active', lateUntil: after, expected: { open: true, late: false } },
    { status: 'scheduled', lateUntil: null, expected: { open: false, reason: 'not_started' } },
    { status: 'scheduled', lateUntil: after, expected: { open: false, reason: 'not_started' } },
    {
      status: 'pending_approval',
      lateUntil: null,
      expected: { open: false, reason: 'not_started' },
    },
    { status: 'cancelled', lateUntil: after, expected: { open: false, reason: 'cancelled' } },
    // Ended with no late window: closed at once, whatever the planned end was.
    { status: 'completed', lateUntil: null, expected: { open: false, reason: 'ended' } },
    { status: 'completed', lateUntil: after, expected: { open: true, late: true } },
    { status: 'completed', lateUntil: at, expected: { open: false, reason: 'ended' } },
    { status: 'completed', lateUntil: before, expected: { open: false, reason: 'ended' } },
  ] as const)(
    '$status with late window $lateUntil → $expected',
    ({ status, lateUntil, expected }) => {
      expect(answerWindow({ status, lateUntil }, at)).toEqual(expected)
    },
  )
})
