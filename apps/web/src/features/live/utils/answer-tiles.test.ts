import type { PublicQuestion } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { choicesFor } from './answer-tiles'

const question: PublicQuestion = {
  id: 'q1',
  type: 'single',
  prompt: 'Which animal?',
  points: 1,
  options: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, text: `Option ${id}` })),
}
const sessionId = '00000000-0000-4000-8000-000000000001'

const idsOf = (userId: string, shuffle: boolean) =>
  choicesFor(question, { sessionId, userId, shuffle }).map((choice) => choice.value)

describe('choicesFor', () => {
  it("keeps the author's order when the session does not shuffle", () => {
    expect(idsOf('u1', false)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })
  it('gives a participant the same order every time', () => {
    expect(idsOf('u1', true)).toEqual(idsOf('u1', true))
  })
  it('gives participants their own orders of the same options', () => {
    const orders = ['u1', 'u2', 'u3', 'u4'].map((user) => idsOf(user, true).join(''))
    expect(new Set(orders).size).toBeGreaterThan(1)
    for (const order of orders) expect([...order].sort().join('')).toBe('abcdef')
  })
  it('offers True then False for a true-or-false question', () => {
    const trueFalse: PublicQuestion = {
      id: 'q2',
      type: 'true_false',
      prompt: 'Animated?',
      points: 1,
    }
    expect(choicesFor(trueFalse, { sessionId, userId: 'u1', shuffle: true })).toEqual([
      { value: true, label: 'True' },
      { value: false, label: 'False' },
    ])
  })
})
