import type { LiveState } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  effectivePhase,
  liveCountdownAnnouncement,
  newerState,
  questionLimitMs,
  timeLeftMs,
  wholeSeconds,
} from './live-clock'

const opened = Date.parse('2026-12-04T10:00:00.000Z')

function stateOf(overrides: Partial<LiveState>): LiveState {
  return {
    sessionId: '00000000-0000-4000-8000-000000000001',
    phase: 'question',
    questionIndex: 0,
    questionId: 'q1',
    questionCount: 3,
    openedAt: new Date(opened).toISOString(),
    deadline: new Date(opened + 20_000).toISOString(),
    pausedRemainingMs: null,
    answeredCount: 0,
    participantCount: 2,
    reveal: null,
    leaderboard: null,
    scoring: 'speed',
    version: 3,
    serverNow: new Date(opened).toISOString(),
    ...overrides,
  }
}

describe('timeLeftMs', () => {
  it.each([
    ['a running question, at its opening', stateOf({}), opened, 20_000],
    ['a running question, midway', stateOf({}), opened + 12_500, 7_500],
    ['a running question, past its deadline', stateOf({}), opened + 25_000, 0],
    [
      'a paused question: the frozen rest',
      stateOf({ phase: 'paused', pausedRemainingMs: 4_200 }),
      opened + 60_000,
      4_200,
    ],
    ['the lobby', stateOf({ phase: 'lobby', openedAt: null, deadline: null }), opened, null],
    ['the leaderboard', stateOf({ phase: 'leaderboard' }), opened, null],
  ])('%s', (_, state, now, expected) => {
    expect(timeLeftMs(state, now)).toBe(expected)
  })
})

describe('questionLimitMs', () => {
  it("is the question's own limit", () => {
    expect(questionLimitMs({ timeLimitS: 45 })).toBe(45_000)
  })
  it("is the server's default of 20 s for a question without one", () => {
    expect(questionLimitMs({})).toBe(20_000)
  })
})

describe('wholeSeconds', () => {
  it.each([
    [20_000, 20],
    [19_001, 20],
    [200, 1],
    [0, 0],
  ])('%i ms shows as %i', (ms, seconds) => {
    expect(wholeSeconds(ms)).toBe(seconds)
  })
})

describe('effectivePhase', () => {
  it('shows a question past its deadline as locked before the server says so', () => {
    expect(effectivePhase(stateOf({}), opened + 20_000)).toBe('locked')
  })
  it('keeps a running question open', () => {
    expect(effectivePhase(stateOf({}), opened + 19_000)).toBe('question')
  })
  it('keeps a paused question paused, however late', () => {
    expect(
      effectivePhase(stateOf({ phase: 'paused', pausedRemainingMs: 3_000 }), opened + 90_000),
    ).toBe('paused')
  })
})

describe('newerState', () => {
  it('takes the first state', () => {
    const incoming = stateOf({})
    expect(newerState(null, incoming)).toBe(incoming)
  })
  it('drops a state older than the one shown', () => {
    const current = stateOf({ version: 5, phase: 'revealed' })
    expect(newerState(current, stateOf({ version: 4 }))).toBe(current)
  })
  it('takes a newer state', () => {
    const incoming = stateOf({ version: 6, phase: 'leaderboard' })
    expect(newerState(stateOf({ version: 5 }), incoming)).toBe(incoming)
  })
})

describe('liveCountdownAnnouncement', () => {
  it.each([
    [20, false, ''],
    [11, false, ''],
    [10, false, '10 seconds left.'],
    [6, false, '10 seconds left.'],
    [5, false, '5 seconds left.'],
    [4, false, '5 seconds left.'],
    [3, false, '3 seconds left.'],
    [2, false, '2 seconds left.'],
    [1, false, '1 second left.'],
    [0, false, ''],
    [7, true, 'Paused with 7 seconds left.'],
  ])('%i s left (paused: %s): "%s"', (seconds, isPaused, expected) => {
    expect(liveCountdownAnnouncement(seconds, isPaused)).toBe(expected)
  })
})
