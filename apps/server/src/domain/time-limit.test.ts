import { describe, expect, it } from 'vitest'
import { ANSWER_GRACE_MS, checkAnswerTime, deadlineOf } from './time-limit.ts'

const opened = new Date('2026-03-01T10:00:00.000Z')
const after = (ms: number) => new Date(opened.getTime() + ms)

type Row = [
  label: string,
  timeLimitS: number | undefined,
  openedAt: Date | null,
  now: Date,
  isAccepted: boolean,
  deadline: string | null,
]

// Written out rather than derived, so a wrong rule cannot also write its own expectations.
const table: Row[] = [
  ['no limit, answered at once', undefined, opened, opened, true, null],
  ['no limit, answered a day later', undefined, opened, after(86_400_000), true, null],
  ['no limit, never opened', undefined, null, after(5_000), true, null],
  ['within the limit', 30, opened, after(10_000), true, '2026-03-01T10:00:30.000Z'],
  ['exactly at the deadline', 30, opened, after(30_000), true, '2026-03-01T10:00:30.000Z'],
  ['inside the grace', 30, opened, after(31_999), true, '2026-03-01T10:00:30.000Z'],
  ['at the end of the grace', 30, opened, after(32_000), true, '2026-03-01T10:00:30.000Z'],
  ['just past the grace', 30, opened, after(32_001), false, '2026-03-01T10:00:30.000Z'],
  ['long past the limit', 5, opened, after(60_000), false, '2026-03-01T10:00:05.000Z'],
  ['never opened: the answer opens it', 5, null, after(60_000), true, '2026-03-01T10:01:05.000Z'],
]

describe('checkAnswerTime', () => {
  it.each(table)('%s', (_label, timeLimitS, openedAt, now, isAccepted, deadline) => {
    expect(checkAnswerTime({ timeLimitS, openedAt, now })).toEqual({
      isAccepted,
      deadline: deadline === null ? null : new Date(deadline),
    })
  })

  it('takes another grace when given one', () => {
    const input = { timeLimitS: 5, openedAt: opened, now: after(5_500) }
    expect(checkAnswerTime({ ...input, graceMs: 0 }).isAccepted).toBe(false)
    expect(checkAnswerTime({ ...input, graceMs: 500 }).isAccepted).toBe(true)
  })

  it('allows two seconds of grace by default', () => {
    expect(ANSWER_GRACE_MS).toBe(2_000)
  })
})

describe('deadlineOf', () => {
  it('is the opening plus the limit, or null without a limit', () => {
    expect(deadlineOf(12, opened)).toEqual(new Date('2026-03-01T10:00:12.000Z'))
    expect(deadlineOf(undefined, opened)).toBeNull()
  })
})
