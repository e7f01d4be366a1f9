import type { Question, QuestionInput } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  draftsFromQuestions,
  dropIndex,
  moveDraft,
  newQuestionDraft,
  type QuestionDraft,
  validateDrafts,
  withType,
} from './draft.ts'

function draft(overrides: Partial<QuestionDraft> = {}): QuestionDraft {
  return { ...newQuestionDraft('single'), ...overrides }
}

const capital = draft({
  prompt: ' Capital of France? ',
  options: [
    { id: 'a', text: 'Paris' },
    { id: 'b', text: ' Rome ' },
    { id: 'c', text: '   ' },
  ],
  correctIds: ['a'],
})

describe('newQuestionDraft', () => {
  it('starts every type empty, worth one point, with a key of its own', () => {
    const a = newQuestionDraft('short_text')
    const b = newQuestionDraft('short_text')
    expect(a).toMatchObject({ type: 'short_text', prompt: '', points: 1, correctIds: [] })
    expect(a.options).toHaveLength(2)
    expect(a.key).not.toBe(b.key)
    expect(a.options[0]?.id).not.toBe(a.options[1]?.id)
  })
})

describe('validateDrafts', () => {
  it('builds the questions to send, trimmed, leaving blank options out', () => {
    const result = validateDrafts([
      capital,
      draft({ type: 'true_false', prompt: 'Rome is in Spain.', isTrue: false, atS: 12.5 }),
      draft({
        type: 'multiple',
        prompt: 'Primes',
        options: [
          { id: 'x', text: '2' },
          { id: 'y', text: '3' },
          { id: 'z', text: '4' },
        ],
        correctIds: ['x', 'y'],
        points: 3,
        timeLimitS: 30,
        explanation: ' 4 is 2 × 2. ',
      }),
      draft({ type: 'short_text', prompt: 'Say hi', acceptedAnswers: ['hello', ' ', ' hi '] }),
    ])
    expect(result.errors).toBeNull()
    expect(result.questions).toEqual([
      {
        type: 'single',
        prompt: 'Capital of France?',
        points: 1,
        options: [
          { id: 'a', text: 'Paris' },
          { id: 'b', text: 'Rome' },
        ],
        correct: 'a',
      },
      { type: 'true_false', prompt: 'Rome is in Spain.', points: 1, atS: 12.5, correct: false },
      {
        type: 'multiple',
        prompt: 'Primes',
        explanation: '4 is 2 × 2.',
        points: 3,
        timeLimitS: 30,
        options: [
          { id: 'x', text: '2' },
          { id: 'y', text: '3' },
          { id: 'z', text: '4' },
        ],
        correct: ['x', 'y'],
      },
      { type: 'short_text', prompt: 'Say hi', points: 1, correct: ['hello', 'hi'] },
    ])
  })

  it('keeps a stored question’s id', () => {
    const result = validateDrafts([{ ...capital, id: 'q-7' }])
    expect(result.questions?.[0]?.id).toBe('q-7')
  })

  it('accepts no questions at all', () => {
    expect(validateDrafts([])).toEqual({ questions: [], errors: null })
  })

  it.each<[string, Partial<QuestionDraft>, Record<string, string>]>([
    ['no prompt', { prompt: '  ' }, { prompt: 'Write the question.' }],
    [
      'a too long prompt',
      { prompt: 'x'.repeat(1001) },
      { prompt: 'Keep the question to 1000 characters.' },
    ],
    [
      'one filled option',
      {
        options: [
          { id: 'a', text: 'Paris' },
          { id: 'b', text: '' },
        ],
      },
      { options: 'Give at least two options.' },
    ],
    ['no correct option', { correctIds: [] }, { correct: 'Mark the correct option.' }],
    [
      'the correct option left blank',
      { correctIds: ['c'] },
      { correct: 'Mark the correct option.' },
    ],
    [
      'multiple choice with none correct',
      { type: 'multiple', correctIds: [] },
      { correct: 'Mark at least one correct option.' },
    ],
    [
      'short text with no accepted answer',
      { type: 'short_text', acceptedAnswers: [' ', ''] },
      { correct: 'Add at least one accepted answer.' },
    ],
    [
      'points over 100',
      { points: 101 },
      { points: 'Give a whole number of points from 0 to 100.' },
    ],
    ['negative points', { points: -1 }, { points: 'Give a whole number of points from 0 to 100.' }],
    [
      'fractional points',
      { points: 1.5 },
      { points: 'Give a whole number of points from 0 to 100.' },
    ],
    [
      'points not a number',
      { points: null },
      { points: 'Give a whole number of points from 0 to 100.' },
    ],
    [
      'a time limit under 5 s',
      { timeLimitS: 4 },
      {
        timeLimitS:
          'Give a whole number of seconds from 5 to 3600, or leave it empty for no limit.',
      },
    ],
    [
      'a time limit over an hour',
      { timeLimitS: 3601 },
      {
        timeLimitS:
          'Give a whole number of seconds from 5 to 3600, or leave it empty for no limit.',
      },
    ],
    [
      'a moment that is not a time',
      { atS: null },
      { atS: 'Type a time in the video like 1:15.3 (up to 24 hours), or leave it empty.' },
    ],
    [
      'an explanation too long',
      { explanation: 'x'.repeat(2001) },
      { explanation: 'Keep the explanation to 2000 characters.' },
    ],
    [
      'no prompt and no correct option',
      { prompt: '', correctIds: [] },
      { prompt: 'Write the question.', correct: 'Mark the correct option.' },
    ],
  ])('%s → messages by field', (_, overrides, messages) => {
    const bad = { ...capital, ...overrides }
    const result = validateDrafts([capital, bad])
    expect(result.questions).toBeNull()
    expect(result.errors).toEqual({ questions: { [bad.key]: messages } })
  })

  it('accepts the edges of points and time limit', () => {
    for (const edge of [
      { points: 0, timeLimitS: 5 },
      { points: 100, timeLimitS: 3600 },
    ]) {
      expect(validateDrafts([{ ...capital, ...edge }]).errors).toBeNull()
    }
  })

  it('says when the list is too long', () => {
    const many = Array.from({ length: 3 }, () => ({ ...capital, key: Math.random().toString() }))
    expect(validateDrafts(many, { maxQuestions: 2 }).errors).toEqual({
      questions: {},
      list: 'Keep it to 2 questions.',
    })
    expect(validateDrafts(many.slice(0, 2), { maxQuestions: 2 }).errors).toBeNull()
  })
})

describe('draftsFromQuestions', () => {
  const stored: Question[] = [
    {
      id: 'q1',
      type: 'single',
      prompt: 'Capital?',
      points: 2,
      atS: 4,
      timeLimitS: 20,
      explanation: 'It is Paris.',
      options: [
        { id: 'a', text: 'Paris' },
        { id: 'b', text: 'Rome' },
      ],
      correct: 'a',
    },
    {
      id: 'q2',
      type: 'multiple',
      prompt: 'Primes',
      points: 1,
      options: [
        { id: 'x', text: '2' },
        { id: 'y', text: '4' },
      ],
      correct: ['x'],
    },
    { id: 'q3', type: 'true_false', prompt: 'Sky is green', points: 1, correct: false },
    { id: 'q4', type: 'short_text', prompt: 'Say hi', points: 5, correct: ['hi', 'hello'] },
  ]

  it('round-trips stored questions through validateDrafts', () => {
    const drafts = draftsFromQuestions(stored)
    expect(drafts.map((d) => d.type)).toEqual(['single', 'multiple', 'true_false', 'short_text'])
    expect(new Set(drafts.map((d) => d.key)).size).toBe(4)
    expect(validateDrafts(drafts).questions).toEqual(stored)
  })

  it('reads inputs without ids', () => {
    const inputs: QuestionInput[] = [
      { type: 'true_false', prompt: 'Yes?', points: 1, correct: true },
    ]
    const [only] = draftsFromQuestions(inputs)
    expect(only).toMatchObject({ type: 'true_false', isTrue: true, explanation: '', points: 1 })
    expect(only?.id).toBeUndefined()
    expect(only?.atS).toBeUndefined()
  })
})

describe('withType', () => {
  it('keeps one correct option when switching to single choice, and everything else', () => {
    const multiple = { ...capital, type: 'multiple' as const, correctIds: ['a', 'b'] }
    expect(withType(multiple, 'single')).toMatchObject({ type: 'single', correctIds: ['a'] })
    expect(withType(multiple, 'true_false')).toMatchObject({
      correctIds: ['a', 'b'],
      options: capital.options,
    })
  })
})

describe('moveDraft and dropIndex', () => {
  const list = ['a', 'b', 'c', 'd']
  it.each<[number, number, string[]]>([
    [1, 0, ['b', 'a', 'c', 'd']],
    [1, 2, ['a', 'c', 'b', 'd']],
    [0, 3, ['b', 'c', 'd', 'a']],
    [3, 0, ['d', 'a', 'b', 'c']],
    [2, 9, ['a', 'b', 'd', 'c']],
    [2, 2, ['a', 'b', 'c', 'd']],
    [7, 0, ['a', 'b', 'c', 'd']],
  ])('move %s → %s', (from, to, expected) => {
    expect(moveDraft(list, from, to)).toEqual(expected)
  })

  it.each<[number, number, 'before' | 'after', string[]]>([
    [0, 2, 'before', ['b', 'a', 'c', 'd']],
    [0, 2, 'after', ['b', 'c', 'a', 'd']],
    [3, 0, 'before', ['d', 'a', 'b', 'c']],
    [3, 0, 'after', ['a', 'd', 'b', 'c']],
    [1, 1, 'after', ['a', 'b', 'c', 'd']],
    [1, 3, 'after', ['a', 'c', 'd', 'b']],
  ])('drag %s onto %s (%s)', (from, target, position, expected) => {
    expect(moveDraft(list, from, dropIndex(from, target, position))).toEqual(expected)
  })
})
