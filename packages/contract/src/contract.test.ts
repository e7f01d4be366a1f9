import { describe, expect, it } from 'vitest'
import { buildPath } from './endpoint.ts'
import { createShareBodySchema, loopSnapshotSchema, questionInputSchema } from './index.ts'

describe('buildPath', () => {
  it('fills and encodes path parameters', () => {
    expect(buildPath('/api/loops/:loopId', { loopId: 'a/b c' })).toBe('/api/loops/a%2Fb%20c')
  })

  it('refuses to build a path with a missing parameter', () => {
    expect(() => buildPath('/api/loops/:loopId', {})).toThrow(/loopId/)
  })
})

describe('question schema', () => {
  const options = [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
  ]

  it('defaults points to 1', () => {
    const question = questionInputSchema.parse({
      type: 'true_false',
      prompt: 'Yes?',
      correct: true,
    })
    expect(question.points).toBe(1)
  })

  it.each([
    [
      'a single answer that is not an option',
      { type: 'single', prompt: 'p', options, correct: 'z' },
    ],
    [
      'a multiple answer naming an unknown option',
      { type: 'multiple', prompt: 'p', options, correct: ['a', 'z'] },
    ],
    [
      'a multiple question with no correct option',
      { type: 'multiple', prompt: 'p', options, correct: [] },
    ],
    [
      'repeated option ids',
      { type: 'single', prompt: 'p', options: [options[0], options[0]], correct: 'a' },
    ],
    [
      'a choice question with one option',
      { type: 'single', prompt: 'p', options: [options[0]], correct: 'a' },
    ],
    [
      'a short-text question without accepted answers',
      { type: 'short_text', prompt: 'p', correct: [] },
    ],
    ['an empty prompt', { type: 'true_false', prompt: '  ', correct: true }],
  ])('refuses %s', (_, question) => {
    expect(questionInputSchema.safeParse(question).success).toBe(false)
  })
})

describe('loop and share schemas', () => {
  const loop = {
    videoUrl: 'https://example.com/v.mp4',
    videoTitle: 'v',
    provider: 'html5',
    startS: 5,
    endS: 9,
  }

  it('refuses a loop that ends before it starts', () => {
    const parsed = loopSnapshotSchema.safeParse({ ...loop, endS: 5 })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['endS'])
  })

  it('refuses a video URL that is not http(s)', () => {
    expect(loopSnapshotSchema.safeParse({ ...loop, videoUrl: 'javascript:alert(1)' }).success).toBe(
      false,
    )
  })

  it('needs exactly one of loop and loopId', () => {
    const questions = [{ type: 'true_false', prompt: 'p', correct: true }]
    expect(createShareBodySchema.safeParse({ questions }).success).toBe(false)
    expect(createShareBodySchema.safeParse({ questions, loop }).success).toBe(true)
    expect(
      createShareBodySchema.safeParse({ questions, loop, loopId: crypto.randomUUID() }).success,
    ).toBe(false)
  })
})
