import type { Participant, PresenceEntry } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { mergeParticipants, progressLabel } from './participant-rows'

const stored: Participant = {
  userId: 'ben',
  name: 'Ben',
  joinedAt: '2026-12-04T10:00:00.000Z',
  lastSeenAt: '2026-12-04T10:01:00.000Z',
  answeredCount: 1,
  score: 1,
  maxScore: 3,
  completedAt: null,
  late: false,
  leftGroup: false,
}

const pushed = (entry: Partial<PresenceEntry> & { userId: string }): PresenceEntry => ({
  name: entry.userId,
  online: true,
  joined: true,
  answeredCount: 0,
  score: 0,
  finished: false,
  ...entry,
})

describe('mergeParticipants', () => {
  it('lays newer pushed progress over the stored list, with who is online', () => {
    const [row] = mergeParticipants(
      [stored],
      [pushed({ userId: 'ben', answeredCount: 2, score: 2 })],
    )
    expect(row).toMatchObject({ isOnline: true, answeredCount: 2, score: 2, maxScore: 3 })
  })

  it('keeps the stored totals when a push lags behind them', () => {
    const [row] = mergeParticipants([stored], [pushed({ userId: 'ben', answeredCount: 0 })])
    expect(row).toMatchObject({ answeredCount: 1, score: 1 })
  })

  it('lists people here but not started after the participants, and leaves the watching host out', () => {
    const rows = mergeParticipants(
      [stored],
      [
        pushed({ userId: 'ada', joined: false }),
        pushed({ userId: 'host', joined: false }),
        pushed({ userId: 'gone', joined: false, online: false }),
      ],
      'host',
    )
    expect(rows.map((row) => [row.userId, row.hasJoined])).toEqual([
      ['ben', true],
      ['ada', false],
    ])
  })
})

describe('progressLabel', () => {
  const row = mergeParticipants([stored], null)[0]
  it.each([
    [{}, 'Answering question 2 of 3'],
    [{ answeredCount: 3 }, 'All 3 answered'],
    [{ isFinished: true }, 'Finished'],
    [{ hasJoined: false, answeredCount: 0 }, 'Here, not started yet'],
  ])('%o reads "%s"', (change, label) => {
    if (!row) throw new Error('no row')
    expect(progressLabel({ ...row, ...change }, 3)).toBe(label)
  })
})
