import { describe, expect, it } from 'vitest'
import { captionText } from './captions'

const cues = [
  { startTime: 0, endTime: 1, text: 'The quick brown fox.' },
  { startTime: 1, endTime: 2, text: '<v Ann>A curious</v> <b>rabbit</b> watches.' },
  { startTime: 2, endTime: 3, text: 'Fish &amp; chips<00:00:02.500> tonight.' },
  { startTime: 3, endTime: 4, text: 'The end.' },
]

describe('captionText', () => {
  it('reads every cue, one a line, without markup, when no range is given', () => {
    expect(captionText(cues)).toBe(
      'The quick brown fox.\nA curious rabbit watches.\nFish & chips tonight.\nThe end.',
    )
  })

  it.each([
    { range: { startS: 1, endS: 3 }, expected: 'A curious rabbit watches.\nFish & chips tonight.' },
    {
      range: { startS: 0.5, endS: 1.5 },
      expected: 'The quick brown fox.\nA curious rabbit watches.',
    },
    { range: { startS: 3.5, endS: 10 }, expected: 'The end.' },
    { range: { startS: 5, endS: 6 }, expected: '' },
  ])('keeps the cues shown between $range.startS and $range.endS s', ({ range, expected }) => {
    expect(captionText(cues, range)).toBe(expected)
  })

  it('orders cues by start and keeps a repeated roll-up line once', () => {
    const rolling = [
      { startTime: 2, endTime: 3, text: 'second line' },
      { startTime: 0, endTime: 1, text: 'first line' },
      { startTime: 1, endTime: 2, text: 'first  line' },
      { startTime: 3, endTime: 4, text: '   ' },
    ]
    expect(captionText(rolling)).toBe('first line\nsecond line')
  })
})
