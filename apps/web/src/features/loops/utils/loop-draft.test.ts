import { newQuestionDraft, type QuestionDraft } from '@loopquiz/editor'
import { describe, expect, it } from 'vitest'
import { detectVideo } from '../../sessions/utils/video-source'
import { emptyLoopDraft, type LoopDraft, parseStoredDraft, planSave } from './loop-draft'

const complete: LoopDraft = {
  ...emptyLoopDraft('client-1'),
  videoUrl: ' https://cdn.example.test/clip.webm ',
  videoTitle: ' Colour bars ',
  startS: 1.5,
  endS: 3,
  transcript: 'The quick brown fox.',
}

function trueFalse(prompt: string): QuestionDraft {
  return { ...newQuestionDraft('true_false'), prompt }
}

describe('planSave', () => {
  it.each([
    [{ videoUrl: '' }, 'Paste a video link.'],
    [{ videoUrl: 'not a link' }, 'The video link must start with http:// or https://.'],
    [
      { videoUrl: 'ftp://example.test/a.webm' },
      'The video link must start with http:// or https://.',
    ],
    [{ videoTitle: '   ' }, 'Give the loop a title.'],
    [{ startS: null }, 'Set where the loop starts and ends.'],
    [{ endS: null }, 'Set where the loop starts and ends.'],
    [{ endS: 1.5 }, 'The loop must end after it starts.'],
    [{ endS: 1 }, 'The loop must end after it starts.'],
    [{ transcript: 'x'.repeat(50_001) }, 'Keep the transcript to 50,000 characters.'],
    [{ videoTitle: 'x'.repeat(301) }, 'Keep the title to 300 characters.'],
    [{ endS: 90_000 }, 'Keep the loop within the first 24 hours of the video.'],
  ])('is incomplete with %o', (change, missing) => {
    expect(planSave({ ...complete, ...change }, detectVideo)).toEqual({
      kind: 'incomplete',
      missing,
    })
  })

  it('sends the loop’s fields trimmed, with the provider of its link', () => {
    expect(planSave(complete, detectVideo)).toEqual({
      kind: 'ready',
      fields: {
        videoUrl: 'https://cdn.example.test/clip.webm',
        videoTitle: 'Colour bars',
        provider: 'html5',
        startS: 1.5,
        endS: 3,
        transcript: 'The quick brown fox.',
      },
      questions: [],
      pendingQuestions: 0,
    })
  })

  it('names the YouTube video of a YouTube link', () => {
    const plan = planSave({ ...complete, videoUrl: 'https://youtu.be/aqz-KE-bpKQ' }, detectVideo)
    expect(plan.kind === 'ready' && plan.fields).toMatchObject({
      provider: 'youtube',
      videoId: 'aqz-KE-bpKQ',
    })
  })

  it('sends the questions that validate and keeps back the others', () => {
    const questions = [trueFalse('The fox is brown.'), trueFalse(''), trueFalse('Dogs bark.')]
    const plan = planSave({ ...complete, questions }, detectVideo)
    expect(plan).toMatchObject({ kind: 'ready', pendingQuestions: 1 })
    expect(plan.kind === 'ready' && plan.questions?.map((q) => q.prompt)).toEqual([
      'The fox is brown.',
      'Dogs bark.',
    ])
  })

  it('sends no questions at all when the list as a whole is refused', () => {
    const questions = Array.from({ length: 51 }, (_, i) => trueFalse(`Statement ${i + 1}.`))
    expect(planSave({ ...complete, questions }, detectVideo)).toMatchObject({
      kind: 'ready',
      questions: undefined,
      pendingQuestions: 51,
    })
  })
})

describe('parseStoredDraft', () => {
  it('reads back a stored draft', () => {
    const draft = { ...complete, questions: [trueFalse('The fox is brown.')] }
    expect(parseStoredDraft(JSON.stringify(draft))).toEqual(draft)
  })

  it.each([
    ['nothing stored', null],
    ['broken JSON', '{"clientId":'],
    ['another shape', JSON.stringify({ clientId: 'c', videoUrl: 3 })],
    ['questions without keys', JSON.stringify({ ...complete, questions: [{ prompt: 'x' }] })],
    ['no client id', JSON.stringify({ ...complete, clientId: '' })],
  ])('is null for %s', (_, text) => {
    expect(parseStoredDraft(text)).toBeNull()
  })
})
