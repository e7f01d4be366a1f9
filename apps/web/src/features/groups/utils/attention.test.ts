import { describe, expect, it } from 'vitest'
import { attentionSummary, pendingCounts, sessionsToApprovePath } from './attention'

describe('attentionSummary', () => {
  it.each([
    [{ joinRequests: 2, sessionsToApprove: 1 }, '2 join requests, 1 session to approve'],
    [{ joinRequests: 1, sessionsToApprove: 0 }, '1 join request'],
    [{ joinRequests: 0, sessionsToApprove: 3 }, '3 sessions to approve'],
    [{ joinRequests: 0, sessionsToApprove: 0 }, ''],
  ])('%o → "%s"', (counts, expected) => {
    expect(attentionSummary(counts)).toBe(expected)
  })
})

describe('pendingCounts', () => {
  it('counts what the viewer may not see as nothing waiting', () => {
    expect(pendingCounts({ joinRequests: null, sessionsToApprove: null })).toEqual({
      joinRequests: 0,
      sessionsToApprove: 0,
    })
    expect(pendingCounts({ joinRequests: 4, sessionsToApprove: null })).toEqual({
      joinRequests: 4,
      sessionsToApprove: 0,
    })
  })
})

it('links to the Sessions tab filtered to sessions waiting for approval', () => {
  expect(sessionsToApprovePath('g1')).toBe('/groups/g1/sessions?status=pending_approval')
})
