import type {
  CancelReason,
  SeriesScope,
  SessionMode,
  SessionStatus,
  SessionType,
} from '@loopquiz/contract'

export const statusLabels: Record<SessionStatus, string> = {
  pending_approval: 'Waiting for approval',
  scheduled: 'Scheduled',
  active: 'Active',
  completed: 'Completed',
  cancelled: 'Cancelled',
}

export const statusTones = {
  pending_approval: 'warning',
  scheduled: 'brand',
  active: 'success',
  completed: 'neutral',
  cancelled: 'danger',
} as const satisfies Record<SessionStatus, string>

/** "One-time" rather than "Scheduled", which is also a status. */
export const typeLabels: Record<SessionType, string> = {
  instant: 'Instant',
  scheduled: 'One-time',
  recurring: 'Recurring',
}

/** Why a session did not take place, when it was not someone's plain "cancel". */
export const cancelReasonLabels: Record<CancelReason, string> = {
  rejected: 'Turned down by an admin',
  not_approved_in_time: 'Not approved before its start time',
  group_deleted: 'The group was deleted',
  outside_allowed_times: 'Outside the group’s allowed times',
}

/** The choices a change to one occurrence of a series offers, as calendars word them. */
export const seriesScopeLabels: Record<SeriesScope, string> = {
  this: 'This session',
  following: 'This and following sessions',
  all: 'All sessions in the series',
}

export const modeLabels: Record<SessionMode, string> = {
  self_paced: 'Self-paced',
  live: 'Live',
}

export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`
}

/** "45 min", "1 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** "1:02:05" left, or "4:09" under an hour; never negative. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  if (hours >= 24) return plural(Math.floor(hours / 24), 'day')
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
  return `${minutes}:${seconds}`
}
