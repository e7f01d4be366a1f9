import type { QuestionInput } from '@loopquiz/contract'
import { questionInputSchema } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { suggestBlankQuestions, transcriptText } from './suggestions.ts'

const story = [
  'The rabbit wakes under a giant tree.',
  'Three rodents throw apples at the butterfly.',
  'The rabbit builds clever traps in the forest.',
  'Finally the bullies learn their lesson.',
  'Everyone watches the sunrise over the meadow.',
  'A squirrel steals a nut from the bird.',
].join(' ')

// The sentence between the quotes, with the blank put back as the given word.
function filled(question: QuestionInput, word: string): string {
  return question.prompt
    .replace(/^Fill in the blank: “/, '')
    .replace(/”$/, '')
    .replace('___', word)
}

function answerOf(question: QuestionInput): string {
  if (question.type === 'single')
    return question.options.find((option) => option.id === question.correct)?.text ?? ''
  if (question.type === 'short_text') return question.correct[0] ?? ''
  throw new Error(`unexpected ${question.type}`)
}

describe('transcriptText', () => {
  it.each([
    ['plain text', 'Hello there.  How are you?', 'Hello there. How are you?'],
    [
      'WebVTT with header, note, ids, settings and tags',
      [
        'WEBVTT - Big Buck Bunny',
        'Kind: captions',
        '',
        'NOTE made by hand',
        'still the note',
        '',
        '1',
        '00:00:01.000 --> 00:00:02.500 align:start',
        '<v Narrator>The rabbit <i>wakes</i> up.</v>',
        '',
        'intro-2',
        '00:02.500 --> 00:04.000',
        'Birds &amp; bees <00:03.000>sing.',
      ].join('\n'),
      'The rabbit wakes up. Birds & bees sing.',
    ],
    ['only timings', '00:00.000 --> 00:01.000\n\n00:01.000 --> 00:02.000', ''],
  ])('%s', (_, transcript, text) => {
    expect(transcriptText(transcript)).toBe(text)
  })
})

describe('suggestBlankQuestions', () => {
  it.each([
    ['empty', ''],
    ['blank', '  \n '],
    ['a short sentence', 'Hi there.'],
    ['only stop words and short words', 'And then they were there. It was what it was.'],
    ['only numbers', '1234 5678 9012 3456.'],
    ['captions with no words', 'WEBVTT\n\n00:00.000 --> 00:01.000\n'],
  ])('%s → none', (_, transcript) => {
    expect(suggestBlankQuestions(transcript)).toEqual([])
  })

  it('makes valid single-choice questions: one blank per sentence, the answer among other words', () => {
    const questions = suggestBlankQuestions(story, { seed: 7 })
    expect(questions).toHaveLength(5)
    const transcriptWords = new Set(story.toLowerCase().match(/[a-z]+/g))
    for (const question of questions) {
      expect(questionInputSchema.safeParse(question).success).toBe(true)
      expect(question.type).toBe('single')
      if (question.type !== 'single') continue
      expect(question.prompt).toMatch(/^Fill in the blank: “.*___.*”$/)
      expect(question.prompt.match(/___/g)).toHaveLength(1)
      const texts = question.options.map((option) => option.text.toLowerCase())
      expect(texts).toHaveLength(4)
      expect(new Set(texts).size).toBe(4)
      for (const text of texts) expect(transcriptWords.has(text)).toBe(true)
      // The answer fills the blank back into a sentence of the transcript.
      expect(story.toLowerCase()).toContain(filled(question, answerOf(question)).toLowerCase())
    }
  })

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'blanks content words, never stop words, short words or numbers (seed %s)',
    (seed) => {
      const transcript =
        'There were 2024 people with their umbrellas. They would have been there anyway, it seems.'
      const questions = suggestBlankQuestions(transcript, { seed })
      expect(questions).toHaveLength(1)
      expect(['people', 'umbrellas']).toContain(answerOf(questions[0] as QuestionInput))
    },
  )

  it('asks for the word as short text when there are too few other words to choose from', () => {
    const questions = suggestBlankQuestions('The giraffe sat on the mat.')
    expect(questions).toEqual([
      {
        type: 'short_text',
        prompt: 'Fill in the blank: “The ___ sat on the mat.”',
        explanation: 'The video says: “The giraffe sat on the mat.”',
        points: 1,
        correct: ['giraffe'],
      },
    ])
  })

  it.each([1, 2, 3])(
    'offers the other words closest in length, never the answer in another case (seed %s)',
    (seed) => {
      // One sentence long enough to ask about; the one-word ones only lend their words.
      const transcript =
        'The walrus sleeps there. WALRUS! Ox. Antelope. Hippopotamuses. Seahorse. Butterflies. Catfish.'
      const [question, ...rest] = suggestBlankQuestions(transcript, { seed })
      expect(rest).toEqual([])
      if (question?.type !== 'single') throw new Error('expected a single-choice question')
      const answer = answerOf(question)
      expect(['walrus', 'sleeps']).toContain(answer)
      const others = question.options.map((o) => o.text).filter((text) => text !== answer)
      expect(others.sort()).toEqual(['Antelope', 'Catfish', 'Seahorse'])
    },
  )

  it('is the same for the same seed and differs between seeds', () => {
    expect(suggestBlankQuestions(story, { seed: 42 })).toEqual(
      suggestBlankQuestions(story, { seed: 42 }),
    )
    const bySeed = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) => JSON.stringify(suggestBlankQuestions(story, { seed }))),
    )
    expect(bySeed.size).toBeGreaterThan(1)
  })

  it.each([
    [undefined, 5],
    [2, 2],
    [0, 0],
    [20, 6],
  ])('count %s → %s questions, in the order they are said', (count, length) => {
    const questions = suggestBlankQuestions(story, count === undefined ? {} : { count })
    expect(questions).toHaveLength(length)
    const positions = questions.map((q) =>
      story.toLowerCase().indexOf(filled(q, answerOf(q)).toLowerCase()),
    )
    expect(positions.every((p) => p >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('shuffles where the answer stands among the options', () => {
    const positions = new Set<string>()
    for (let seed = 0; seed < 20; seed += 1)
      for (const question of suggestBlankQuestions(story, { seed }))
        if (question.type === 'single') positions.add(question.correct)
    expect([...positions].sort()).toEqual(['a', 'b', 'c', 'd'])
  })

  it('never blanks the same word twice', () => {
    const transcript =
      'The rabbit runs. The rabbit jumps high. The rabbit sleeps now. The rabbit eats.'
    const answers = suggestBlankQuestions(transcript, { seed: 9 }).map((q) =>
      answerOf(q).toLowerCase(),
    )
    expect(new Set(answers).size).toBe(answers.length)
  })
})
