import { describe, expect, it } from 'vitest'
import {
  type FirstRunProgress,
  firstNameOf,
  firstRunSteps,
  greetingFor,
  isFirstRunComplete,
  isNewAccount,
} from './first-run'

const now = new Date('2026-12-04T12:00:00Z')
const nothing: FirstRunProgress = { hasLoop: false, hasShare: false, hasGroup: false }
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000)

describe('isNewAccount', () => {
  it.each([
    ['made a minute ago, nothing yet', hoursAgo(1 / 60), nothing, true],
    ['23 hours old, nothing yet', hoursAgo(23), nothing, true],
    ['exactly a day old', hoursAgo(24), nothing, false],
    ['a week old with nothing', hoursAgo(24 * 7), nothing, false],
    ['an hour old with a loop', hoursAgo(1), { ...nothing, hasLoop: true }, false],
    ['an hour old with a share', hoursAgo(1), { ...nothing, hasShare: true }, false],
    ['an hour old in a group', hoursAgo(1), { ...nothing, hasGroup: true }, false],
    ['an hour old, lists still loading', hoursAgo(1), undefined, true],
    ['two days old, lists still loading', hoursAgo(48), undefined, false],
  ] as const)('%s: %s', (_, createdAt, progress, expected) => {
    expect(isNewAccount(createdAt, progress, now)).toBe(expected)
  })

  it('reads the ISO text a session may carry instead of a Date', () => {
    expect(isNewAccount(hoursAgo(2).toISOString(), nothing, now)).toBe(true)
    expect(isNewAccount('not a date', nothing, now)).toBe(false)
  })
})

describe('greetingFor', () => {
  it.each([
    ['Ada Lovelace', true, 'Welcome, Ada'],
    ['Ada Lovelace', false, 'Welcome back, Ada'],
    ['  Marie   Curie ', false, 'Welcome back, Marie'],
    ['Plato', true, 'Welcome, Plato'],
  ])('%s (new: %s) → %s', (name, isNew, expected) => {
    expect(greetingFor(name, isNew)).toBe(expected)
  })

  it('keeps a name of spaces rather than greeting nobody', () => {
    expect(firstNameOf('   ')).toBe('   ')
  })
})

describe('firstRunSteps', () => {
  it('ticks each step from its own fact and links the rest to where they are done', () => {
    const steps = firstRunSteps({ hasLoop: true, hasShare: false, hasGroup: true })
    expect(steps.map(({ id, isDone, to }) => ({ id, isDone, to }))).toEqual([
      { id: 'loop', isDone: true, to: '/loops/new' },
      { id: 'share', isDone: false, to: '/loops' },
      { id: 'group', isDone: true, to: '/groups' },
    ])
  })

  it.each([
    [nothing, false],
    [{ hasLoop: true, hasShare: true, hasGroup: false }, false],
    [{ hasLoop: true, hasShare: true, hasGroup: true }, true],
  ])('%o complete: %s', (progress, expected) => {
    expect(isFirstRunComplete(progress)).toBe(expected)
  })
})
