import { newQuestionDraft, type QuestionDraft } from '@loopquiz/editor'
import { describe, expect, it } from 'vitest'
import {
  emptySourceDraft,
  questionErrorsOf,
  type SourceDraft,
  toSessionSource,
} from './source-draft'

function manualDraft(questions: QuestionDraft[]): SourceDraft {
  const draft = emptySourceDraft()
  return {
    ...draft,
    kind: 'manual',
    manual: {
      videoUrl: 'https://youtu.be/aqz-KE-bpKQ',
      videoTitle: 'Capitals',
      startS: '0',
      endS: '90',
      questions,
    },
  }
}

const capital: QuestionDraft = {
  ...newQuestionDraft('single'),
  prompt: 'Capital of France?',
  options: [
    { id: 'a', text: 'Paris' },
    { id: 'b', text: 'Rome' },
  ],
  correctIds: ['a'],
}

describe('toSessionSource (manual)', () => {
  it('sends the video and the questions built by the editor', () => {
    const truth = { ...newQuestionDraft('true_false'), prompt: 'Rome is in Spain.', isTrue: false }
    const result = toSessionSource(manualDraft([capital, truth]))
    expect(result.errors).toBeNull()
    expect(result.source).toEqual({
      kind: 'manual',
      loop: {
        videoUrl: 'https://youtu.be/aqz-KE-bpKQ',
        videoTitle: 'Capitals',
        provider: 'youtube',
        videoId: 'aqz-KE-bpKQ',
        startS: 0,
        endS: 90,
      },
      questions: [
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
        { type: 'true_false', prompt: 'Rome is in Spain.', points: 1, correct: false },
      ],
    })
  })

  it('needs at least one question', () => {
    expect(toSessionSource(manualDraft([])).errors).toEqual({
      questions: 'Add at least one question.',
    })
  })

  it('keeps each question’s field errors in the flat map and gives them back to the editor', () => {
    const bad = { ...capital, prompt: ' ', correctIds: [] }
    const result = toSessionSource(manualDraft([capital, bad]))
    expect(result.source).toBeNull()
    expect(result.errors).toEqual({
      [`question.${bad.key}.prompt`]: 'Write the question.',
      [`question.${bad.key}.correct`]: 'Mark the correct option.',
    })
    expect(questionErrorsOf({ ...result.errors, videoUrl: 'Enter the address' })).toEqual({
      questions: {
        [bad.key]: { prompt: 'Write the question.', correct: 'Mark the correct option.' },
      },
    })
    expect(questionErrorsOf({ questions: 'Add at least one question.' })).toEqual({
      questions: {},
      list: 'Add at least one question.',
    })
  })
})
