import type { AccountDeletionPreview } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { describeDeletion, listNames } from './deletion-summary'

const nothing: AccountDeletionPreview = {
  loops: 0,
  sharedQuizzes: 0,
  attemptsOnSharedQuizzes: 0,
  groupSessionResults: 0,
  hostedSessionsKept: 0,
  groupsDeleted: [],
  groupsLeft: [],
  groupsToTransfer: [],
  isBlocked: false,
}
const group = (name: string) => ({ id: crypto.randomUUID(), name })
const lastSentence =
  'Your name, e-mail address and password are deleted and you are signed out everywhere. This cannot be undone.'

describe('describeDeletion', () => {
  it.each([
    [
      'everything',
      {
        loops: 3,
        sharedQuizzes: 2,
        attemptsOnSharedQuizzes: 14,
        groupSessionResults: 5,
        hostedSessionsKept: 4,
        groupsDeleted: [group('Study circle')],
        groupsLeft: [group('Book club'), group('Chess')],
      },
      [
        'This deletes your 3 loops, 2 shared quizzes and the 14 attempts people made on them, and the group Study circle (you are its only member).',
        'You leave 2 groups: Book club and Chess.',
        'Your results in 5 group sessions are removed.',
        'The 4 sessions you created in other groups stay with those groups; each group’s owner becomes their host.',
        lastSentence,
      ],
    ],
    [
      'one of each, in the singular',
      {
        loops: 1,
        sharedQuizzes: 1,
        attemptsOnSharedQuizzes: 1,
        groupSessionResults: 1,
        hostedSessionsKept: 1,
        groupsLeft: [group('Chess')],
      },
      [
        'This deletes your 1 loop and 1 shared quiz and the 1 attempt people made on it.',
        'You leave 1 group: Chess.',
        'Your results in 1 group session are removed.',
        'The session you created in another group stays with that group; its owner becomes the host.',
        lastSentence,
      ],
    ],
    [
      'shares nobody took, two groups alone',
      { sharedQuizzes: 2, groupsDeleted: [group('A'), group('B')] },
      [
        'This deletes your 2 shared quizzes and the groups A and B (you are their only member).',
        lastSentence,
      ],
    ],
    ['only loops', { loops: 2 }, ['This deletes your 2 loops.', lastSentence]],
    [
      'nothing at all',
      {},
      ['You have no loops, shared quizzes or groups of your own to delete.', lastSentence],
    ],
  ])('%s', (_name, changes: Partial<AccountDeletionPreview>, expected) => {
    expect(describeDeletion({ ...nothing, ...changes })).toEqual(expected)
  })
})

describe('listNames', () => {
  it.each([
    [[], ''],
    [['A'], 'A'],
    [['A', 'B'], 'A and B'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('%j → %s', (names, expected) => {
    expect(listNames(names)).toBe(expected)
  })
})
