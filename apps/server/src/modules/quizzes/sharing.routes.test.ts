import { describe, expect, it } from 'vitest'
import {
  createTestApp,
  sampleLoop,
  sampleQuestions,
  share,
  signUp,
  type TestUser,
} from '../../test/test-app.ts'

const app = await createTestApp()
const author = await signUp(app, 'Author')
const taker = await signUp(app, 'Taker')
const stranger = await signUp(app, 'Stranger')

type Headers = Record<string, string>

function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  headers: Headers,
  payload?: object,
) {
  return app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
}

async function createLoop(user: TestUser) {
  const response = await call('POST', '/api/loops', user.bearer, {
    ...sampleLoop,
    questions: sampleQuestions,
  })
  expect(response.statusCode).toBe(200)
  return response.json() as { id: string }
}

function shareLoop(loopId: string, body: Record<string, unknown> = {}) {
  return call('POST', '/api/share-questions', author.bearer, {
    loopId,
    questions: sampleQuestions,
    ...body,
  })
}

function start(token: string, user: TestUser | null, displayName?: string) {
  return call(
    'POST',
    `/api/questions/${token}/attempts`,
    user?.bearer ?? {},
    displayName === undefined ? {} : { displayName },
  )
}

let answerCount = 0
function answer(attemptId: string, user: TestUser | null, questionId: string, response: unknown) {
  return call('POST', `/api/attempts/${attemptId}/answers`, user?.bearer ?? {}, {
    clientAnswerId: `sharing-answer-${++answerCount}`,
    questionId,
    response,
  })
}

function setStatus(token: string, enabled: boolean, user: TestUser = author) {
  return call('PUT', `/api/question-sets/${token}/status`, user.bearer, { enabled })
}

/** A minimal RFC 4180 reader: quoted fields with doubled quotes, commas and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += char
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF')
  return rows
}

describe('sharing with options', () => {
  it('stores the options and shows them to the author and the taker', async () => {
    const { token } = await share(app, author, {
      title: 'Options quiz',
      visibility: 'signed_in',
      showAnswers: 'after_finishing',
      maxAttempts: 3,
      expiresInHours: 24,
    })
    const mine = await call('GET', `/api/question-sets/${token}`, author.bearer)
    expect(mine.statusCode).toBe(200)
    expect(mine.json()).toMatchObject({
      title: 'Options quiz',
      visibility: 'signed_in',
      showAnswers: 'after_finishing',
      maxAttempts: 3,
      disabledAt: null,
      attemptCount: 0,
      isSessionCopy: false,
    })
    const hoursLeft = (Date.parse(mine.json().expiresAt) - Date.now()) / 3_600_000
    expect(hoursLeft).toBeGreaterThan(23.9)
    expect(hoursLeft).toBeLessThanOrEqual(24)
    const seen = (await call('GET', `/api/questions/${token}`, taker.bearer)).json()
    expect(seen).toMatchObject({
      maxAttempts: 3,
      viewerAttempts: { used: 0, latestAttemptId: null },
    })
  })

  it('refuses an attempt limit on a link guests may open, naming the field', async () => {
    const response = await call('POST', '/api/share-questions', author.bearer, {
      loop: sampleLoop,
      questions: sampleQuestions,
      visibility: 'public',
      maxAttempts: 2,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION_FAILED')
    expect(JSON.stringify(response.json().error.details)).toContain('body.maxAttempts')
  })

  it('lets a signed-in person start as many attempts as allowed, then refuses with the latest one named', async () => {
    const { token } = await share(app, author, { visibility: 'signed_in', maxAttempts: 2 })
    const first = await start(token, taker)
    const second = await start(token, taker)
    expect([first.statusCode, second.statusCode]).toEqual([201, 201])
    const third = await start(token, taker)
    expect(third.statusCode).toBe(403)
    expect(third.json().error).toMatchObject({
      code: 'ATTEMPT_LIMIT_REACHED',
      message: 'You have used your 2 attempts at this quiz.',
      details: { maxAttempts: 2, latestAttemptId: second.json().id },
    })
    // The limit is per person: someone else still has theirs.
    expect((await start(token, stranger)).statusCode).toBe(201)
    const seen = (await call('GET', `/api/questions/${token}`, taker.bearer)).json()
    expect(seen.viewerAttempts).toEqual({ used: 2, latestAttemptId: second.json().id })
  })

  it('gives one attempt, not two, to two starts at the same moment', async () => {
    const { token } = await share(app, author, { visibility: 'signed_in', maxAttempts: 1 })
    const statuses = (await Promise.all([start(token, taker), start(token, taker)])).map(
      (response) => response.statusCode,
    )
    expect(statuses.sort()).toEqual([201, 403])
  })
})

describe('sharing an unchanged loop again', () => {
  it('offers the live link it already made instead of a duplicate', async () => {
    const loop = await createLoop(author)
    const options = { visibility: 'signed_in', showAnswers: 'after_finishing', maxAttempts: 1 }
    const first = await shareLoop(loop.id, options)
    expect(first.statusCode).toBe(201)
    expect(first.json().reused).toBe(false)
    const again = await shareLoop(loop.id, options)
    expect(again.json()).toEqual({ ...first.json(), reused: true })
    const list = (await call('GET', '/api/question-sets?limit=100', author.bearer)).json()
    const ofFirst = list.items.filter(
      (item: { token: string }) => item.token === first.json().token,
    )
    expect(ofFirst).toHaveLength(1)
  })

  it('makes a new link when asked to, or when the questions, title or options differ', async () => {
    const loop = await createLoop(author)
    const first = (await shareLoop(loop.id)).json()
    const changes = [
      { forceNew: true },
      { title: 'Another title' },
      { showAnswers: 'never' },
      { visibility: 'signed_in' },
      { questions: sampleQuestions.slice(1) },
      { questions: [{ ...sampleQuestions[0], prompt: 'Which planet is red?' }] },
    ]
    for (const change of changes) {
      const response = (await shareLoop(loop.id, change)).json()
      expect(response.reused, JSON.stringify(change)).toBe(false)
      expect(response.token).not.toBe(first.token)
    }
  })

  it('makes a new link when the loop changed, or the old link is off, or the share expires', async () => {
    const loop = await createLoop(author)
    const first = (await shareLoop(loop.id)).json()
    await call('PATCH', `/api/loops/${loop.id}`, author.bearer, { endS: 30 })
    const afterEdit = (await shareLoop(loop.id)).json()
    expect(afterEdit.reused).toBe(false)
    expect((await setStatus(afterEdit.token, false)).statusCode).toBe(200)
    const afterOff = (await shareLoop(loop.id)).json()
    expect(afterOff.reused).toBe(false)
    expect(new Set([first.token, afterEdit.token, afterOff.token]).size).toBe(3)
    const expiring = (await shareLoop(loop.id, { expiresInHours: 48 })).json()
    expect(expiring.reused).toBe(false)
    // The unchanged never-expiring link made last is still the one offered.
    expect((await shareLoop(loop.id)).json()).toMatchObject({ token: afterOff.token, reused: true })
  })
})

describe('turning a link off', () => {
  it('refuses visits, new attempts and answers while off, and takes them again once on', async () => {
    const { token } = await share(app, author)
    const set = (await call('GET', `/api/questions/${token}`, {})).json()
    const attempt = (await start(token, null, 'Guest')).json()

    const off = await setStatus(token, false)
    expect(off.statusCode).toBe(200)
    expect(off.json().disabledAt).not.toBeNull()
    for (const response of [
      await call('GET', `/api/questions/${token}`, {}),
      await start(token, null, 'Guest'),
      await start(token, taker),
      await answer(attempt.id, null, set.questions[2].id, true),
    ]) {
      expect(response.statusCode).toBe(410)
      expect(response.json().error).toMatchObject({
        code: 'SHARE_DISABLED',
        message: 'This quiz link was turned off by its author.',
      })
    }

    const on = await setStatus(token, true)
    expect(on.json().disabledAt).toBeNull()
    expect((await call('GET', `/api/questions/${token}`, {})).statusCode).toBe(200)
    expect((await answer(attempt.id, null, set.questions[2].id, true)).statusCode).toBe(200)
    expect((await start(token, taker)).statusCode).toBe(201)
  })

  it('is not found for anyone but the author, and changes nothing for them', async () => {
    const { token } = await share(app, author)
    for (const path of ['', '/attempts', '/question-stats', '/attempts.csv']) {
      const response = await call('GET', `/api/question-sets/${token}${path}`, stranger.bearer)
      expect(response.statusCode, path).toBe(404)
      expect(response.json().error.code).toBe('SHARE_NOT_FOUND')
    }
    expect((await setStatus(token, false, stranger)).statusCode).toBe(404)
    expect((await call('GET', `/api/questions/${token}`, {})).statusCode).toBe(200)
    expect(
      (await call('PUT', `/api/question-sets/${token}/status`, {}, { enabled: false })).statusCode,
    ).toBe(401)
  })

  it("refuses to switch a group session's copy", async () => {
    const group = (
      await call('POST', '/api/groups', author.bearer, {
        name: 'Sharing class',
        privacy: 'public',
        timezone: 'UTC',
      })
    ).json()
    const session = (
      await call('POST', `/api/groups/${group.id}/sessions/create-instant`, author.bearer, {
        source: { kind: 'manual', loop: sampleLoop, questions: sampleQuestions },
      })
    ).json()
    const response = await setStatus(session.shareToken, false)
    expect(response.statusCode).toBe(409)
    expect(response.json().error.code).toBe('SHARE_IS_SESSION_COPY')
  })
})

describe('who took my quiz', () => {
  async function takenQuiz() {
    const { token } = await share(app, author, { title: 'Planets, "colours" & cities' })
    const ids = (await call('GET', `/api/questions/${token}`, {}))
      .json()
      .questions.map((q: { id: string }) => q.id)
    const guest = (await start(token, null, '=HYPERLINK("x"), and\nmore')).json()
    expect((await answer(guest.id, null, ids[0], 'mars')).statusCode).toBe(200)
    expect((await answer(guest.id, null, ids[2], false)).statusCode).toBe(200)
    const member = (await start(token, taker)).json()
    for (const [index, response] of [
      [0, 'venus'],
      [1, ['r', 'g', 'b']],
      [2, true],
    ] as const) {
      expect((await answer(member.id, taker, ids[index], response)).statusCode).toBe(200)
    }
    expect((await call('POST', `/api/attempts/${member.id}/finish`, taker.bearer)).statusCode).toBe(
      200,
    )
    return { token, ids }
  }

  it('lists each attempt with its taker, score, right answers and duration, newest first', async () => {
    const { token } = await takenQuiz()
    const response = await call('GET', `/api/question-sets/${token}/attempts`, author.bearer)
    expect(response.statusCode).toBe(200)
    const list = response.json()
    expect(list.total).toBe(2)
    expect(list.items).toMatchObject([
      {
        displayName: 'Taker',
        kind: 'account',
        status: 'finished',
        score: 2,
        maxScore: 5,
        correctCount: 2,
        questionCount: 4,
      },
      {
        displayName: '=HYPERLINK("x"), and\nmore',
        kind: 'guest',
        status: 'in_progress',
        score: 2,
        correctCount: 1,
        finishedAt: null,
        durationSeconds: null,
      },
    ])
    const [finished] = list.items
    expect(finished.durationSeconds).toBe(
      Math.round((Date.parse(finished.finishedAt) - Date.parse(finished.startedAt)) / 1000),
    )
    // The attempt ids are a guest's proof of ownership: the author never gets them.
    expect(response.body).not.toMatch(/"id"/)
  })

  it('gives the correct rate per question, in order, with its prompt', async () => {
    const { token, ids } = await takenQuiz()
    const response = await call('GET', `/api/question-sets/${token}/question-stats`, author.bearer)
    expect(response.statusCode).toBe(200)
    expect(response.json().items).toEqual([
      {
        questionId: ids[0],
        position: 1,
        prompt: sampleQuestions[0]?.prompt,
        answeredCount: 2,
        correctCount: 1,
        correctRate: 0.5,
      },
      {
        questionId: ids[1],
        position: 2,
        prompt: sampleQuestions[1]?.prompt,
        answeredCount: 1,
        correctCount: 1,
        correctRate: 1,
      },
      {
        questionId: ids[2],
        position: 3,
        prompt: sampleQuestions[2]?.prompt,
        answeredCount: 2,
        correctCount: 1,
        correctRate: 0.5,
      },
      {
        questionId: ids[3],
        position: 4,
        prompt: sampleQuestions[3]?.prompt,
        answeredCount: 0,
        correctCount: 0,
        correctRate: null,
      },
    ])
  })

  it('downloads the attempts as RFC 4180 CSV, quoted and safe from formulas', async () => {
    const { token } = await takenQuiz()
    const response = await call('GET', `/api/question-sets/${token}/attempts.csv`, author.bearer)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="planets-colours-cities-attempts.csv"',
    )
    const list = (await call('GET', `/api/question-sets/${token}/attempts`, author.bearer)).json()
    const [member, guest] = list.items
    expect(parseCsv(response.body)).toEqual([
      [
        'name',
        'kind',
        'status',
        'score',
        'max score',
        'correct',
        'questions',
        'started at',
        'finished at',
        'duration seconds',
      ],
      [
        'Taker',
        'account',
        'finished',
        '2',
        '5',
        '2',
        '4',
        member.startedAt,
        member.finishedAt,
        String(member.durationSeconds),
      ],
      [
        `'=HYPERLINK("x"), and\nmore`,
        'guest',
        'in_progress',
        '2',
        '5',
        '1',
        '4',
        guest.startedAt,
        '',
        '',
      ],
    ])
    expect(member.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
  })

  it('is documented in the OpenAPI document as a CSV download', async () => {
    const document = (await call('GET', '/api/docs/json', {})).json()
    const operation = document.paths['/api/question-sets/{token}/attempts.csv'].get
    expect(operation.operationId).toBe('downloadQuestionSetAttempts')
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/csv; charset=utf-8'])
  })

  it('has no attempts yet for a fresh share, and a CSV of the header only', async () => {
    const { token } = await share(app, author)
    const list = (await call('GET', `/api/question-sets/${token}/attempts`, author.bearer)).json()
    expect(list).toEqual({ items: [], total: 0, limit: 200 })
    const csv = await call('GET', `/api/question-sets/${token}/attempts.csv`, author.bearer)
    expect(parseCsv(csv.body)).toHaveLength(1)
  })
})
