import type { SessionStatus } from '@loopquiz/contract'

/**
 * What can happen to a session. `resubmit`: a change by someone whose sessions need approval
 * sends it back to wait for one. `expire`: its start time came while it still waited.
 */
export type SessionEvent =
  | 'approve'
  | 'reject'
  | 'start'
  | 'complete'
  | 'cancel'
  | 'reschedule'
  | 'resubmit'
  | 'expire'

/**
 * Everything a session goes through that others may want to hear of. `extend`: an active
 * session's end moved later (its state stays, so it is no event of the state machine).
 */
export type SessionChange = SessionEvent | 'create' | 'remind' | 'extend' | 'late_window'

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
  resubmit: { pending_approval: 'pending_approval', scheduled: 'pending_approval' },
  expire: { pending_approval: 'cancelled' },
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
  resubmit: 'edited',
  expire: 'expired',
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

/** What a session's clock says about answers at one instant. */
export type AnswerWindow =
  | { open: true; late: boolean }
  | { open: false; reason: 'not_started' | 'ended' | 'cancelled' }

/**
 * Answers are taken while a session is active. After it ends (on time or early), only an explicit
 * late window the host opened takes them, marked late; there is no implicit grace period.
 */
export function answerWindow(
  session: { status: SessionStatus; lateUntil: Date | null },
  at: Date,
): AnswerWindow {
  switch (session.status) {
    case 'active':
      return { open: true, late: false }
    case 'pending_approval':
    case 'scheduled':
      return { open: false, reason: 'not_started' }
    case 'cancelled':
      return { open: false, reason: 'cancelled' }
    case 'completed':
      return session.lateUntil !== null && at.getTime() < session.lateUntil.getTime()
        ? { open: true, late: true }
        : { open: false, reason: 'ended' }
  }
}
