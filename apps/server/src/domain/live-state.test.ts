import type { LiveAction, LivePhase } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  applyLiveAction,
  checkLiveAnswer,
  DEFAULT_LIVE_LIMIT_S,
  effectivePhase,
  LIVE_ANSWER_GRACE_MS,
  type LiveRecord,
  questionLimitMs,
} from './live-state.ts'

const t0 = new Date('2030-01-01T10:00:00.000Z')
const after = (ms: number) => new Date(t0.getTime() + ms)
const limitsMs = [10_000, 20_000, 30_000]
const questionIds = ['q1', 'q2', 'q3']

/** One record per phase, in the middle of question 2 of 3 where a question is involved. */
const records: Record<LivePhase, LiveRecord> = {
  lobby: {
    phase: 'lobby',
    questionIndex: null,
    openedAt: null,
    deadline: null,
    pausedRemainingMs: null,
  },
  question: {
    phase: 'question',
    questionIndex: 1,
    openedAt: t0,
    deadline: after(20_000),
    pausedRemainingMs: null,
  },
  paused: {
    phase: 'paused',
    questionIndex: 1,
    openedAt: t0,
    deadline: null,
    pausedRemainingMs: 12_000,
  },
  locked: {
    phase: 'locked',
    questionIndex: 1,
    openedAt: t0,
    deadline: after(5_000),
    pausedRemainingMs: null,
  },
  revealed: {
    phase: 'revealed',
    questionIndex: 1,
    openedAt: t0,
    deadline: after(5_000),
    pausedRemainingMs: null,
  },
  leaderboard: {
    phase: 'leaderboard',
    questionIndex: 1,
    openedAt: t0,
    deadline: after(5_000),
    pausedRemainingMs: null,
  },
  podium: {
    phase: 'podium',
    questionIndex: 2,
    openedAt: t0,
    deadline: after(5_000),
    pausedRemainingMs: null,
  },
}

const phases = Object.keys(records) as LivePhase[]
const actions: LiveAction[] = [
  'start',
  'pause',
  'resume',
  'lock',
  'reveal',
  'leaderboard',
  'next',
  'finish',
]

// Every (phase, action) pair and the phase it leads to; null = refused. Taken 8 s into the question.
const expected: Record<LivePhase, Record<LiveAction, LivePhase | null>> = {
  lobby: {
    start: 'question',
    pause: null,
    resume: null,
    lock: null,
    reveal: null,
    leaderboard: null,
    next: null,
    finish: 'podium',
  },
  question: {
    start: null,
    pause: 'paused',
    resume: null,
    lock: 'locked',
    reveal: null,
    leaderboard: null,
    next: null,
    finish: 'podium',
  },
  paused: {
    start: null,
    pause: null,
    resume: 'question',
    lock: 'locked',
    reveal: null,
    leaderboard: null,
    next: null,
    finish: 'podium',
  },
  locked: {
    start: null,
    pause: null,
    resume: null,
    lock: null,
    reveal: 'revealed',
    leaderboard: 'leaderboard',
    next: null,
    finish: 'podium',
  },
  revealed: {
    start: null,
    pause: null,
    resume: null,
    lock: null,
    reveal: null,
    leaderboard: 'leaderboard',
    next: 'question',
    finish: 'podium',
  },
  leaderboard: {
    start: null,
    pause: null,
    resume: null,
    lock: null,
    reveal: null,
    leaderboard: null,
    next: 'question',
    finish: 'podium',
  },
  podium: {
    start: null,
    pause: null,
    resume: null,
    lock: null,
    reveal: null,
    leaderboard: null,
    next: null,
    finish: null,
  },
}

describe('host actions by phase', () => {
  for (const phase of phases) {
    for (const action of actions) {
      const to = expected[phase][action]
      it(`${action} in ${phase} ${to ? `leads to ${to}` : 'is refused'}`, () => {
        const outcome = applyLiveAction(records[phase], action, { at: after(8_000), limitsMs })
        if (to === null) {
          expect(outcome.ok).toBe(false)
          if (!outcome.ok) expect(outcome.message).toMatch(/so you cannot .+ now\./)
        } else {
          expect(outcome).toMatchObject({ ok: true, next: { phase: to } })
        }
      })
    }
  }
})

describe('what each action does to the question and its clock', () => {
  it('start opens the first question with its own limit', () => {
    const outcome = applyLiveAction(records.lobby, 'start', { at: t0, limitsMs })
    expect(outcome).toEqual({
      ok: true,
      opensQuestion: true,
      endsSession: false,
      next: {
        phase: 'question',
        questionIndex: 0,
        openedAt: t0,
        deadline: after(10_000),
        pausedRemainingMs: null,
      },
    })
  })

  it('pause keeps the time left; resume pushes the deadline by the time paused', () => {
    const paused = applyLiveAction(records.question, 'pause', { at: after(8_000), limitsMs })
    expect(paused).toMatchObject({ ok: true, next: { deadline: null, pausedRemainingMs: 12_000 } })
    if (!paused.ok) return
    const resumed = applyLiveAction(paused.next, 'resume', { at: after(60_000), limitsMs })
    expect(resumed).toMatchObject({
      ok: true,
      opensQuestion: true,
      next: { phase: 'question', deadline: after(72_000), pausedRemainingMs: null, openedAt: t0 },
    })
  })

  it('lock ends the question now', () => {
    const outcome = applyLiveAction(records.question, 'lock', { at: after(8_000), limitsMs })
    expect(outcome).toMatchObject({ ok: true, next: { phase: 'locked', deadline: after(8_000) } })
  })

  it('next opens the following question, and after the last one goes to the podium and ends the session', () => {
    const second = applyLiveAction(records.revealed, 'next', { at: after(40_000), limitsMs })
    expect(second).toMatchObject({
      ok: true,
      opensQuestion: true,
      endsSession: false,
      next: {
        phase: 'question',
        questionIndex: 2,
        openedAt: after(40_000),
        deadline: after(70_000),
      },
    })
    const last = { ...records.leaderboard, questionIndex: 2 }
    expect(applyLiveAction(last, 'next', { at: after(80_000), limitsMs })).toMatchObject({
      ok: true,
      endsSession: true,
      next: { phase: 'podium', questionIndex: 2 },
    })
  })

  it('finish ends the session from any phase but the podium', () => {
    expect(applyLiveAction(records.paused, 'finish', { at: t0, limitsMs })).toMatchObject({
      ok: true,
      endsSession: true,
    })
  })

  it('a question past its deadline is locked: it can no longer be paused, but can be revealed', () => {
    const late = after(20_000)
    expect(applyLiveAction(records.question, 'pause', { at: late, limitsMs })).toEqual({
      ok: false,
      message:
        'The live session is between questions (answers are locked), so you cannot pause now. Only a running question can be paused.',
    })
    expect(applyLiveAction(records.question, 'reveal', { at: late, limitsMs })).toMatchObject({
      ok: true,
      next: { phase: 'revealed' },
    })
  })

  it('a session without questions cannot start', () => {
    expect(applyLiveAction(records.lobby, 'start', { at: t0, limitsMs: [] })).toEqual({
      ok: false,
      message: 'This session has no questions.',
    })
  })
})

describe('the effective phase', () => {
  const cases: Array<{
    name: string
    record: LiveRecord
    at: Date
    over?: boolean
    phase: LivePhase
  }> = [
    {
      name: 'a question before its deadline runs',
      record: records.question,
      at: after(19_999),
      phase: 'question',
    },
    {
      name: 'a question at its deadline is locked',
      record: records.question,
      at: after(20_000),
      phase: 'locked',
    },
    {
      name: 'a paused question stays paused however long',
      record: records.paused,
      at: after(999_999),
      phase: 'paused',
    },
    {
      name: 'a session that ended mid-play shows the podium',
      record: records.revealed,
      at: t0,
      over: true,
      phase: 'podium',
    },
    {
      name: 'a session that ended in the lobby stays in the lobby',
      record: records.lobby,
      at: t0,
      over: true,
      phase: 'lobby',
    },
  ]
  for (const { name, record, at, over, phase } of cases) {
    it(name, () => expect(effectivePhase(record, at, over)).toBe(phase))
  }
})

describe('which answers a live session takes', () => {
  const cases: Array<{
    name: string
    record: LiveRecord
    questionId: string
    at: Date
    taken: true | RegExp
  }> = [
    {
      name: 'the current question before its deadline',
      record: records.question,
      questionId: 'q2',
      at: after(5_000),
      taken: true,
    },
    {
      name: 'the current question within the grace after the deadline',
      record: records.question,
      questionId: 'q2',
      at: after(20_000 + LIVE_ANSWER_GRACE_MS),
      taken: true,
    },
    {
      name: 'the current question after the grace',
      record: records.question,
      questionId: 'q2',
      at: after(20_001 + LIVE_ANSWER_GRACE_MS),
      taken: /Time is up/,
    },
    {
      name: 'another question than the current one',
      record: records.question,
      questionId: 'q3',
      at: after(5_000),
      taken: /not the question being played/,
    },
    {
      name: 'the question while paused',
      record: records.paused,
      questionId: 'q2',
      at: after(5_000),
      taken: /paused/,
    },
    {
      name: 'the question once locked by the host',
      record: records.locked,
      questionId: 'q2',
      at: after(1_000),
      taken: /Time is up/,
    },
    {
      name: 'the question once revealed',
      record: records.revealed,
      questionId: 'q2',
      at: after(1_000),
      taken: /Time is up/,
    },
    {
      name: 'anything in the lobby',
      record: records.lobby,
      questionId: 'q1',
      at: t0,
      taken: /not opened a question/,
    },
  ]
  for (const { name, record, questionId, at, taken } of cases) {
    it(`${taken === true ? 'takes' : 'refuses'} ${name}`, () => {
      const check = checkLiveAnswer(record, questionIds, limitsMs, questionId, at)
      if (taken === true) {
        expect(check).toEqual({ ok: true, deadline: record.deadline, limitMs: 20_000 })
      } else {
        expect(check.ok).toBe(false)
        if (!check.ok) expect(check.message).toMatch(taken)
      }
    })
  }
})

describe('question limits', () => {
  it('uses the question’s own limit, else the default', () => {
    expect(questionLimitMs({ timeLimitS: 45 })).toBe(45_000)
    expect(questionLimitMs({})).toBe(DEFAULT_LIVE_LIMIT_S * 1000)
  })
})
