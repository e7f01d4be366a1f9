import type { GroupAttention } from '@loopquiz/contract'

export function joinRequestsLabel(count: number): string {
  return `${count} ${count === 1 ? 'join request' : 'join requests'}`
}

export function sessionsToApproveLabel(count: number): string {
  return `${count} ${count === 1 ? 'session' : 'sessions'} to approve`
}

/** The counts the viewer may act on, zero when hidden from them. */
export function pendingCounts(attention: GroupAttention) {
  return {
    joinRequests: attention.joinRequests ?? 0,
    sessionsToApprove: attention.sessionsToApprove ?? 0,
  }
}

/** "2 join requests, 1 session to approve": only the parts with something waiting. */
export function attentionSummary(counts: { joinRequests: number; sessionsToApprove: number }) {
  const parts: string[] = []
  if (counts.joinRequests > 0) parts.push(joinRequestsLabel(counts.joinRequests))
  if (counts.sessionsToApprove > 0) parts.push(sessionsToApproveLabel(counts.sessionsToApprove))
  return parts.join(', ')
}

/** The Sessions tab filtered to what waits for approval. */
export function sessionsToApprovePath(groupId: string): string {
  return `/groups/${groupId}/sessions?status=pending_approval`
}
