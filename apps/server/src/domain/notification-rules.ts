import type { NotificationOutcome, NotificationType, SessionStatus } from '@loopquiz/contract'
import type { SessionChange } from './session-state.ts'

/**
 * Who hears of something: the group's members, its owner and admins (who decide requests), the
 * person whose request or session it is, or those who took part in a session.
 */
export type Audience = 'members' | 'deciders' | 'creator' | 'participants'

export interface NotificationPlan {
  type: NotificationType
  audience: Audience
  outcome: NotificationOutcome | null
}

export interface SessionFacts {
  status: SessionStatus
  /** Whether members were told of the session (it was scheduled or started for them). */
  wasAnnounced: boolean
  /** Made by a person (a new series) rather than by the scheduler (a series growing). */
  byPerson: boolean
}

const plan = (
  type: NotificationType,
  audience: Audience,
  outcome: NotificationOutcome | null = null,
): NotificationPlan => ({ type, audience, outcome })

/**
 * The notifications a change of a session makes. A session waiting for approval is news to the
 * owner and admins only: members hear of it once it is approved, and never of one that was not.
 */
export function sessionNotifications(
  change: SessionChange,
  session: SessionFacts,
): NotificationPlan[] {
  switch (change) {
    case 'create':
      if (!session.byPerson) return []
      if (session.status === 'pending_approval') return [plan('approval_needed', 'deciders')]
      if (session.status === 'scheduled') return [plan('session_scheduled', 'members')]
      if (session.status === 'active') return [plan('session_started', 'members')]
      return []
    case 'approve':
      return [plan('approval_decided', 'creator', 'approved'), plan('session_scheduled', 'members')]
    case 'reject':
      return [plan('approval_decided', 'creator', 'rejected')]
    case 'expire':
      return [plan('approval_decided', 'creator', 'expired')]
    case 'resubmit':
      return [plan('approval_needed', 'deciders')]
    case 'reschedule':
      return session.wasAnnounced ? [plan('session_rescheduled', 'members')] : []
    case 'cancel':
      return session.wasAnnounced ? [plan('session_cancelled', 'members')] : []
    case 'start':
      return [plan('session_started', 'members')]
    case 'remind':
      return session.status === 'scheduled' ? [plan('session_starting_soon', 'members')] : []
    case 'complete':
      return [plan('results_ready', 'participants')]
    case 'extend':
    case 'late_window':
      return []
  }
}
