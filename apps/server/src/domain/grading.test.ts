import type { AnswerValue, Question } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  assignQuestionIds,
  correctAnswerOf,
  gradeAnswer,
  normalizeText,
  toPublicQuestion,
  totalPoints,
} from './grading.ts'

const single: Question = {
  id: 'q1',
  type: 'single',
  prompt: 'Pick B',
  options: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ],
  correct: 'b',
  points: 2,
}
const multiple: Question = {
  id: 'q2',
  type: 'multiple',
  prompt: 'Pick A and C',
  options: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
    { id: 'c', text: 'C' },
  ],
  correct: ['a', 'c'],
  points: 3,
}
const trueFalse: Question = {
  id: 'q3',
  type: 'true_false',
  prompt: 'True?',
  correct: false,
  points: 1,
}
const shortText: Question = {
  id: 'q4',
  type: 'short_text',
  prompt: 'City?',
  correct: ['São Paulo', 'Sao Paulo city'],
  points: 1,
}

describe('gradeAnswer', () => {
  it.each<[string, Question, AnswerValue, boolean, number]>([
    ['single: the correct option', single, 'b', true, 2],
    ['single: a wrong option', single, 'a', false, 0],
    ['multiple: exactly the correct set', multiple, ['c', 'a'], true, 3],
    ['multiple: a subset of the correct set', multiple, ['a'], false, 0],
    ['multiple: the correct set plus a wrong one', multiple, ['a', 'b', 'c'], false, 0],
    ['multiple: duplicates of the correct set', multiple, ['a', 'a', 'c'], true, 3],
    ['true/false: the correct value', trueFalse, false, true, 1],
    ['true/false: the wrong value', trueFalse, true, false, 0],
    ['short text: exact', shortText, 'São Paulo', true, 1],
    [
      'short text: case, accents, punctuation and spaces ignored',
      shortText,
      '  sao   PAULO! ',
      true,
      1,
    ],
    ['short text: another accepted answer', shortText, 'sao paulo city', true, 1],
    ['short text: a different answer', shortText, 'Rio', false, 0],
    ['short text: an empty answer', shortText, '   ', false, 0],
  ])('%s', (_, question, response, correct, points) => {
    expect(gradeAnswer(question, response)).toEqual({ fits: true, correct, points })
  })

  it.each<[string, Question, AnswerValue]>([
    ['single answered with a list', single, ['b']],
    ['single answered with an unknown option', single, 'z'],
    ['multiple answered with one id', multiple, 'a'],
    ['multiple with an unknown option', multiple, ['a', 'z']],
    ['true/false answered with text', trueFalse, 'false'],
    ['short text answered with a boolean', shortText, true],
  ])('refuses a response that does not fit: %s', (_, question, response) => {
    expect(gradeAnswer(question, response).fits).toBe(false)
  })
})

describe('normalizeText', () => {
  it('folds case, accents, punctuation and spacing', () => {
    expect(normalizeText('  Café, au-lait! ')).toBe('cafe au lait')
  })
})

describe('toPublicQuestion', () => {
  it('never carries the correct answer or the explanation', () => {
    for (const question of [single, multiple, trueFalse, { ...shortText, explanation: 'x' }]) {
      const shown = toPublicQuestion(question)
      expect(shown).not.toHaveProperty('correct')
      expect(shown).not.toHaveProperty('explanation')
    }
  })
})

describe('assignQuestionIds', () => {
  it('keeps unique author ids and replaces missing or repeated ones', () => {
    let next = 0
    const ids = assignQuestionIds(
      [
        { ...trueFalse, id: 'keep' },
        { ...trueFalse, id: 'keep' },
        { ...trueFalse, id: undefined },
      ],
      () => `new-${++next}`,
    ).map((q) => q.id)
    expect(ids).toEqual(['keep', 'new-1', 'new-2'])
  })
})

// Rows added for mutants that survived `npm run test:mutation` (MUTATION_SCOPE=domain).
describe('gradeAnswer: near misses and wrong shapes', () => {
  it.each<{ name: string; question: Question; response: AnswerValue; correct: boolean }>([
    // As many options as the key, but not the same ones.
    {
      name: 'multiple, one right one wrong',
      question: multiple,
      response: ['a', 'b'],
      correct: false,
    },
    { name: 'multiple, a superset', question: multiple, response: ['a', 'b', 'c'], correct: false },
    {
      name: 'multiple, order does not matter',
      question: multiple,
      response: ['c', 'a'],
      correct: true,
    },
    { name: 'short text, empty', question: shortText, response: '', correct: false },
  ])('$name', ({ question, response, correct }) => {
    expect(gradeAnswer(question, response)).toMatchObject({ fits: true, correct })
  })

  it.each<{ question: Question; response: AnswerValue; reason: string }>([
    { question: single, response: ['b'], reason: 'Answer with one option id' },
    { question: single, response: 'z', reason: 'No option z in this question' },
    { question: multiple, response: 'a', reason: 'Answer with a list of option ids' },
    { question: multiple, response: ['a', 'z'], reason: 'No option z in this question' },
    { question: trueFalse, response: 'true', reason: 'Answer with true or false' },
    { question: shortText, response: true, reason: 'Answer with text' },
  ])(
    'refuses $response to a $question.type question: $reason',
    ({ question, response, reason }) => {
      expect(gradeAnswer(question, response)).toEqual({ fits: false, reason })
    },
  )
})

describe('toPublicQuestion: what a taker may see', () => {
  it('keeps the moment in the video and the time limit when the author set them', () => {
    const timed: Question = { ...single, atS: 12.5, timeLimitS: 30 }
    expect(toPublicQuestion(timed)).toEqual({
      id: 'q1',
      type: 'single',
      prompt: 'Pick B',
      options: single.options,
      atS: 12.5,
      points: 2,
      timeLimitS: 30,
    })
    // Strict: an unset atS or timeLimitS is left out, not sent as undefined.
    expect(toPublicQuestion(trueFalse)).toStrictEqual({
      id: trueFalse.id,
      type: 'true_false',
      prompt: trueFalse.prompt,
      points: trueFalse.points,
    })
  })
})

describe('totalPoints and correctAnswerOf', () => {
  it('adds up every question’s points, and reads each key', () => {
    expect(totalPoints([single, multiple, trueFalse, shortText])).toBe(
      single.points + multiple.points + trueFalse.points + shortText.points,
    )
    expect(totalPoints([])).toBe(0)
    expect(correctAnswerOf(multiple)).toEqual(['a', 'c'])
    expect(correctAnswerOf(single)).toBe('b')
  })
})
