import type { QuestionInput } from '@loopquiz/contract'

// Fill-in-the-blank questions made on the author's machine from what is said in the video:
// no service, no model, the same questions for the same transcript and seed. They are a
// starting point the author accepts, edits or ignores.

const STOP_WORDS = new Set(
  `about above across actually after again against almost along already also although always
  among another anybody anyone anything anyway anywhere around away back because been before
  behind being below besides best better between beyond both came cannot come comes could
  didn does doing done down during each either else enough even ever every everybody everyone
  everything everywhere few first from further gets give given gives going gonna good gotta
  have having hello help here hers herself himself how however into isn itself just keep know
  known knows last later least less like likely look looks made make makes many maybe mean
  might mine more most mostly much must myself near need needs never next nobody none nothing
  now okay once only onto other others otherwise ours ourselves over own perhaps please pretty
  quite rather really right said same says seem seems seen shall should show since some
  somebody someone something sometimes somewhere soon still such sure take takes tell than
  thank thanks that their theirs them themselves then there therefore these they thing things
  think this those though through thus today together told too took toward towards under
  unless until upon used using very want wanna wants was wasn well went were what whatever
  when whenever where whether which while whom whose will with within without wont would
  yeah yes yet your yours yourself yourselves`
    .split(/\s+/)
    .filter(Boolean),
)

const MIN_WORD_LENGTH = 4
const MIN_SENTENCE_WORDS = 4
const MAX_SENTENCE_LENGTH = 300
const MAX_DISTRACTORS = 3
// Below this a choice question is a coin toss: ask for the word instead.
const MIN_DISTRACTORS = 2
const DEFAULT_COUNT = 5

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu
const TIMING_LINE = /-->/
const TAG = /<[^>]*>/g
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&nbsp;': ' ',
  '&lrm;': '',
  '&rlm;': '',
}

/** The spoken text of a transcript, or of WebVTT captions with their timings and tags removed. */
export function transcriptText(transcript: string): string {
  const lines = transcript.replace(/\r\n?/g, '\n').split('\n')
  const kept: string[] = []
  let isInSkippedBlock = false
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim()
    if (line === '') {
      isInSkippedBlock = false
      continue
    }
    if (isInSkippedBlock) continue
    if (i === 0 && /^WEBVTT\b/.test(line)) {
      isInSkippedBlock = true
      continue
    }
    if (/^(NOTE|STYLE|REGION)\b/.test(line)) {
      isInSkippedBlock = true
      continue
    }
    if (TIMING_LINE.test(line)) continue
    // A cue's identifier is the line just before its timing.
    if (TIMING_LINE.test(lines[i + 1] ?? '')) continue
    kept.push(line.replace(TAG, ' ').replace(/&[a-z]+;/g, (entity) => ENTITIES[entity] ?? entity))
  }
  return kept.join(' ').replace(/\s+/g, ' ').trim()
}

function splitSentences(text: string): string[] {
  const sentences = text.match(/[^.!?…]+(?:[.!?…]+["'”’)\]]*|$)/g) ?? []
  return sentences.map((sentence) => sentence.trim()).filter(Boolean)
}

interface Word {
  text: string
  index: number
}

function wordsOf(sentence: string): Word[] {
  return Array.from(sentence.matchAll(WORD), (match) => ({ text: match[0], index: match.index }))
}

function isContentWord(word: string): boolean {
  return (
    word.length >= MIN_WORD_LENGTH &&
    /\p{L}/u.test(word) &&
    !/['’]/.test(word) &&
    !STOP_WORDS.has(word.toLowerCase())
  )
}

// mulberry32: a tiny seeded generator, so suggestions are the same for the same seed.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items]
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    const a = result[i] as T
    result[i] = result[j] as T
    result[j] = a
  }
  return result
}

/**
 * Up to `count` (default 5) fill-in-the-blank questions from a transcript (plain text or
 * WebVTT): one word blanked per sentence, offered among up to three other words of the
 * transcript, or asked for as short text when the transcript has too few other words.
 */
export function suggestBlankQuestions(
  transcript: string,
  options: { count?: number; seed?: number } = {},
): QuestionInput[] {
  const count = Math.max(0, Math.floor(options.count ?? DEFAULT_COUNT))
  const random = seededRandom(options.seed ?? 0)
  const sentences = splitSentences(transcriptText(transcript))
    .filter((sentence) => sentence.length <= MAX_SENTENCE_LENGTH)
    .map((sentence) => ({ sentence, words: wordsOf(sentence) }))

  // Each word as it is usually written: its first appearance not at the start of a
  // sentence, so a capital letter does not give the answer away.
  const spelling = new Map<string, string>()
  for (const { words } of sentences) {
    words.forEach((word, position) => {
      if (!isContentWord(word.text)) return
      const key = word.text.toLowerCase()
      if (position > 0 && !spelling.has(key)) spelling.set(key, word.text)
    })
  }
  for (const { words } of sentences) {
    for (const word of words) {
      const key = word.text.toLowerCase()
      if (isContentWord(word.text) && !spelling.has(key)) spelling.set(key, word.text)
    }
  }

  const candidates = sentences.filter(
    ({ words }) => words.length >= MIN_SENTENCE_WORDS && words.some((w) => isContentWord(w.text)),
  )
  const picked = shuffled(
    candidates.map((_, index) => index),
    random,
  )
  const usedAnswers = new Set<string>()
  const chosen: { order: number; question: QuestionInput }[] = []
  for (const order of picked) {
    if (chosen.length >= count) break
    const candidate = candidates[order]
    if (!candidate) continue
    const blanks = candidate.words.filter(
      (word) => isContentWord(word.text) && !usedAnswers.has(word.text.toLowerCase()),
    )
    if (blanks.length === 0) continue
    const answer = blanks[Math.floor(random() * blanks.length)] as Word
    const answerKey = answer.text.toLowerCase()
    usedAnswers.add(answerKey)
    const answerText = spelling.get(answerKey) ?? answer.text

    const inSentence = new Set(candidate.words.map((word) => word.text.toLowerCase()))
    const distractors = shuffled(
      [...spelling.keys()].filter((key) => !inSentence.has(key)),
      random,
    )
      // A stable sort keeps the shuffled order among words of the same length.
      .sort((a, b) => Math.abs(a.length - answerKey.length) - Math.abs(b.length - answerKey.length))
      .slice(0, MAX_DISTRACTORS)
      .map((key) => spelling.get(key) ?? key)

    const blanked = `${candidate.sentence.slice(0, answer.index)}___${candidate.sentence.slice(answer.index + answer.text.length)}`
    const common = {
      prompt: `Fill in the blank: “${blanked}”`,
      explanation: `The video says: “${candidate.sentence}”`,
      points: 1,
    }
    if (distractors.length < MIN_DISTRACTORS) {
      chosen.push({ order, question: { ...common, type: 'short_text', correct: [answerText] } })
      continue
    }
    const texts = shuffled([answerText, ...distractors], random)
    const ids = 'abcd'
    const choices = texts.map((text, index) => ({ id: ids[index] ?? String(index), text }))
    const correct = choices.find((choice) => choice.text === answerText)?.id ?? 'a'
    chosen.push({ order, question: { ...common, type: 'single', options: choices, correct } })
  }
  // In the order they are said.
  return chosen.sort((a, b) => a.order - b.order).map(({ question }) => question)
}
