import { buildPath, endpoints, type GroupSession } from '@loopquiz/contract'

/** The address of one session's calendar file (same origin: the session cookie rides along). */
export function sessionCalendarPath(groupId: string, sessionId: string): string {
  return buildPath(endpoints.downloadSessionCalendar.path, { groupId, sessionId })
}

/** Only a session still to come or under way is worth putting in a calendar. */
export function canAddToCalendar(status: GroupSession['status']): boolean {
  return status === 'scheduled' || status === 'active'
}
