import {
  type ApiCall,
  buildPath,
  type CreateShareBody,
  createApiClient,
  endpoints,
  type SubmitAnswerBody,
} from '@loopquiz/contract'

/** The most questions one share accepts: more questions per attempt, fewer attempts to start. */
export const QUESTIONS_PER_SET = 50
const SETUP_CONCURRENCY = 8

/** What the scenarios need, created through the real API as a user would. */
export interface Fixture {
  token: string
  questionIds: string[]
}

/** One distinct, valid answer request, serialized once so the load loop only sends it. */
export interface AnswerCall {
  attemptId: string
  clientAnswerId: string
  path: string
  body: string
}

/** Signs up an author and shares a set of true/false questions; returns its token and ids. */
export async function createFixture(baseUrl: string): Promise<Fixture> {
  const bearer = await signUp(baseUrl)
  const author = createApiClient({
    baseUrl,
    headers: () => ({ authorization: `Bearer ${bearer}` }),
  })
  const { token } = await author(endpoints.createShare, { body: questionSet() })
  const guest = createApiClient({ baseUrl })
  const set = await guest(endpoints.getQuestionSet, { params: { token } })
  return { token, questionIds: set.questions.map((question) => question.id) }
}

/**
 * Starts guest attempts and lists one answer per (attempt, question), question by question:
 * concurrent requests then hit different attempts, as many takers answering at once would,
 * rather than queueing on one attempt's row lock.
 */
export async function createAnswerPool(
  baseUrl: string,
  fixture: Fixture,
  answers: number,
): Promise<AnswerCall[]> {
  const attemptIds = await startGuestAttempts(
    createApiClient({ baseUrl }),
    fixture.token,
    Math.ceil(answers / fixture.questionIds.length),
  )
  const pool: AnswerCall[] = []
  for (const [questionIndex, questionId] of fixture.questionIds.entries()) {
    for (const [attemptIndex, attemptId] of attemptIds.entries()) {
      const clientAnswerId = `bench-${attemptIndex}-${questionIndex}`
      const body: SubmitAnswerBody = { clientAnswerId, questionId, response: true }
      pool.push({
        attemptId,
        clientAnswerId,
        path: buildPath(endpoints.submitAnswer.path, { attemptId }),
        body: JSON.stringify(body),
      })
    }
  }
  return pool.slice(0, answers)
}

/**
 * Reads back every attempt that got answers: each answer the bench counted as a success must
 * be stored, proving the runs measured distinct writes and not silent replays.
 */
export async function verifyAnswersStored(baseUrl: string, answered: AnswerCall[]) {
  const call = createApiClient({ baseUrl })
  const expected = Map.groupBy(answered, (answer) => answer.attemptId)
  const attemptIds = [...expected.keys()]
  for (let start = 0; start < attemptIds.length; start += SETUP_CONCURRENCY) {
    const batch = attemptIds.slice(start, start + SETUP_CONCURRENCY)
    const attempts = await Promise.all(
      batch.map((attemptId) => call(endpoints.getAttempt, { params: { attemptId } })),
    )
    for (const attempt of attempts) {
      const stored = new Set(attempt.answers.map((answer) => answer.clientAnswerId))
      const missing = (expected.get(attempt.id) ?? []).filter((a) => !stored.has(a.clientAnswerId))
      if (missing.length > 0) {
        throw new Error(`Attempt ${attempt.id} lacks ${missing.length} answers the server accepted`)
      }
    }
  }
}

/** Better Auth's email sign-up; its bearer plugin returns the session token in a header. */
async function signUp(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      // Better Auth rejects requests whose Origin is not the server's public URL.
      origin: `http://localhost:${new URL(baseUrl).port}`,
    },
    body: JSON.stringify({
      email: `bench-${process.pid}@example.com`,
      password: 'bench-password-1234',
      name: 'Bench author',
    }),
  })
  const token = response.headers.get('set-auth-token')
  if (!response.ok || !token) {
    throw new Error(`Sign-up failed: ${response.status} ${await response.text()}`)
  }
  return token
}

function questionSet(): CreateShareBody {
  return {
    title: 'Bench quiz',
    loop: {
      videoUrl: 'https://example.com/v.mp4',
      videoTitle: 'Bench',
      provider: 'html5',
      startS: 0,
      endS: 10,
    },
    questions: Array.from({ length: QUESTIONS_PER_SET }, (_, index) => ({
      type: 'true_false' as const,
      prompt: `Bench statement ${index + 1} is true.`,
      correct: true,
      points: 1,
    })),
    visibility: 'public',
    // The server's default, spelled out because the body type requires it.
    showAnswers: 'after_each_answer',
  }
}

async function startGuestAttempts(call: ApiCall, token: string, count: number) {
  const ids: string[] = []
  // A few in flight at a time: quick, without turning setup into a load test of its own.
  for (let start = 0; start < count; start += SETUP_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(SETUP_CONCURRENCY, count - start) }, (_, i) =>
      call(endpoints.startAttempt, {
        params: { token },
        body: { displayName: `Bench taker ${start + i + 1}` },
      }),
    )
    for (const attempt of await Promise.all(batch)) ids.push(attempt.id)
  }
  return ids
}
