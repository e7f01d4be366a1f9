import type { LiveState } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { actionLabel, actionsFor } from './live-phases'

describe('actionsFor', () => {
  it.each([
    ['lobby', ['start', 'finish']],
    ['question', ['pause', 'lock', 'finish']],
    ['paused', ['resume', 'lock', 'finish']],
    ['locked', ['reveal', 'leaderboard', 'finish']],
    ['revealed', ['leaderboard', 'next', 'finish']],
    ['leaderboard', ['next', 'finish']],
    ['podium', []],
  ] as const)('%s offers %j', (phase, actions) => {
    expect(actionsFor(phase)).toEqual(actions)
  })
})

describe('actionLabel', () => {
  const at = (questionIndex: number) => ({ questionIndex, questionCount: 3 }) as LiveState
  it('names the step after a question that is not the last "Next question"', () => {
    expect(actionLabel('next', at(1))).toBe('Next question')
  })
  it('names the step after the last question the podium', () => {
    expect(actionLabel('next', at(2))).toBe('Show the podium')
  })
})
