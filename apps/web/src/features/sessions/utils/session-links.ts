import type { GroupSession } from '@loopquiz/contract'

/**
 * The in-app path of a session's quiz page (/questions/:token?groupId=…&sessionId=…), taken
 * from the server's join URL so the two never disagree.
 */
export function joinPathOf(session: Pick<GroupSession, 'joinUrl'>): string {
  const url = new URL(session.joinUrl)
  return `${url.pathname}${url.search}`
}

/** The session's own page in its group: details, live participants and results. */
export function sessionPathOf(session: Pick<GroupSession, 'id' | 'groupId'>): string {
  return `/groups/${session.groupId}/sessions/${session.id}`
}

/** The host's dashboard of a session: live progress, answer distribution and controls. */
export function hostPathOf(session: Pick<GroupSession, 'id' | 'groupId'>): string {
  return `${sessionPathOf(session)}/host`
}

/** The projector view of a session: its join link as a QR code and its short code. */
export function presentPathOf(session: Pick<GroupSession, 'id' | 'groupId'>): string {
  return `${sessionPathOf(session)}/present`
}

/** When a session starts (or started, for instant ones). */
export function startOf(session: GroupSession): string {
  return session.scheduledAt ?? session.startedAt ?? session.createdAt
}
