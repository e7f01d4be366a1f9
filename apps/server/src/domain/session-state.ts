import type { SessionStatus } from '@loopquiz/contract'

/** What can happen to a session. */
export type SessionEvent = 'approve' | 'reject' | 'start' | 'complete' | 'cancel' | 'reschedule'

/** Everything a session goes through that others may want to hear of. */
export type SessionChange = SessionEvent | 'create' | 'remind'

/**
 * The session state machine: pending_approval → scheduled → active → completed, and
 * cancelled from any state before completed. `reschedule` keeps the state.
 */
const transitions: Record<SessionEvent, Partial<Record<SessionStatus, SessionStatus>>> = {
  approve: { pending_approval: 'scheduled' },
  reject: { pending_approval: 'cancelled' },
  start: { scheduled: 'active' },
  complete: { active: 'completed' },
  cancel: { pending_approval: 'cancelled', scheduled: 'cancelled', active: 'cancelled' },
  reschedule: { pending_approval: 'pending_approval', scheduled: 'scheduled' },
}

/** The state after `event`, or null when the event is not allowed in `from`. */
export function nextStatus(from: SessionStatus, event: SessionEvent): SessionStatus | null {
  return transitions[event][from] ?? null
}

/** The states `event` may happen in: the WHERE clause of the atomic conditional UPDATE. */
export function statusesAllowing(event: SessionEvent): SessionStatus[] {
  return Object.keys(transitions[event]) as SessionStatus[]
}

const verbs: Record<SessionEvent, string> = {
  approve: 'approved',
  reject: 'rejected',
  start: 'started',
  complete: 'ended',
  cancel: 'cancelled',
  reschedule: 'edited',
}

const states: Record<SessionStatus, string> = {
  pending_approval: 'waiting for approval',
  scheduled: 'scheduled',
  active: 'running',
  completed: 'over',
  cancelled: 'cancelled',
}

/** Why an event was refused, in words a user understands. */
export function refusalMessage(from: SessionStatus, event: SessionEvent): string {
  return `This session is ${states[from]}, so it cannot be ${verbs[event]}.`
}
