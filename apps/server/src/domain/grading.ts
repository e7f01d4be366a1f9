import type {
  AnswerValue,
  CorrectAnswer,
  PublicQuestion,
  Question,
  QuestionInput,
} from '@loopquiz/contract'

export type Grade =
  | { fits: true; correct: boolean; points: number }
  | { fits: false; reason: string }

/** Lowercase, no accents, no punctuation, single spaces: "  Café, au-lait! " → "cafe au lait". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a)
  const right = new Set(b)
  return left.size === right.size && [...left].every((item) => right.has(item))
}

/** Grades one response to one question; all-or-nothing points. */
export function gradeAnswer(question: Question, response: AnswerValue): Grade {
  const award = (correct: boolean): Grade => ({
    fits: true,
    correct,
    points: correct ? question.points : 0,
  })
  switch (question.type) {
    case 'single': {
      if (typeof response !== 'string') return { fits: false, reason: 'Answer with one option id' }
      if (!question.options.some((o) => o.id === response)) {
        return { fits: false, reason: `No option ${response} in this question` }
      }
      return award(response === question.correct)
    }
    case 'multiple': {
      if (!Array.isArray(response))
        return { fits: false, reason: 'Answer with a list of option ids' }
      const unknown = response.find((id) => !question.options.some((o) => o.id === id))
      if (unknown !== undefined)
        return { fits: false, reason: `No option ${unknown} in this question` }
      return award(sameSet(response, question.correct))
    }
    case 'true_false': {
      if (typeof response !== 'boolean') return { fits: false, reason: 'Answer with true or false' }
      return award(response === question.correct)
    }
    case 'short_text': {
      if (typeof response !== 'string') return { fits: false, reason: 'Answer with text' }
      const given = normalizeText(response)
      return award(
        given !== '' && question.correct.some((accepted) => normalizeText(accepted) === given),
      )
    }
  }
}

export function correctAnswerOf(question: Question): CorrectAnswer {
  return question.correct
}

/** What a taker may see of a question before answering it. */
export function toPublicQuestion(question: Question): PublicQuestion {
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    ...('options' in question ? { options: question.options } : {}),
    ...(question.atS === undefined ? {} : { atS: question.atS }),
    points: question.points,
    ...(question.timeLimitS === undefined ? {} : { timeLimitS: question.timeLimitS }),
  }
}

export function totalPoints(questions: readonly Question[]): number {
  return questions.reduce((sum, question) => sum + question.points, 0)
}

/**
 * Gives every question an id, keeping the author's where present and unique:
 * answers and reviews refer to questions by id.
 */
export function assignQuestionIds(
  questions: readonly QuestionInput[],
  newId: () => string,
): Question[] {
  const seen = new Set<string>()
  return questions.map((input) => {
    let id = input.id
    if (id === undefined || seen.has(id)) id = newId()
    seen.add(id)
    return { ...input, id } as Question
  })
}
