import { type Endpoint, endpoints, errorBodySchema } from '@loopquiz/contract'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { loadTestEnv } from '../config/test-env.ts'
import {
  hostileSegment,
  hostileValue,
  type KnownValues,
  partArbitrary,
} from './contract-arbitraries.ts'
import { createTestApp, sampleLoop, sampleQuestions, share, signUp } from './test-app.ts'

/**
 * Every endpoint of the contract, called with generated params, queries and bodies (valid ones
 * from its zod schemas, and hostile ones), by an anonymous caller and by a signed-in owner of
 * real rows, must never answer 5xx: bad input is the caller's fault, a 4xx with the contract's
 * error body. Bounded so that it runs in `npm test` on both databases.
 */

const seed = loadTestEnv().fuzzSeed ?? Math.floor(Math.random() * 2 ** 31)
/**
 * Runs per endpoint and caller: about 1,300 requests in all, some 30 s of CPU on PGlite and
 * 15 s on PostgreSQL. An anonymous call to an endpoint that needs a user stops at 401 before
 * its input is read, so a couple of those suffice.
 */
const runs = { signedIn: 20, anonymous: 6, anonymousRefused: 2 }

const app = await createTestApp()
const owner = await signUp(app, 'Fuzz owner')
const member = await signUp(app, 'Fuzz member')
let sent = 0
let failed = 0

afterAll(() => {
  // The figures a reader of CI wants: how much was tried, and how to replay it.
  console.info(`contract fuzz: ${sent} requests, ${failed} answered 5xx (FUZZ_SEED=${seed})`)
})

async function call(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) {
  const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) })
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.body}`)
  return response.json() as Record<string, unknown>
}

/** Fresh rows owned by the signed-in caller, so that generated ids hit real ones. */
async function seedRows(): Promise<KnownValues> {
  const group = await call('POST', '/api/groups', owner.bearer, { name: 'Fuzz group' })
  const groupId = String(group.id)
  const code = String(group.joinCode)
  const loop = await call('POST', '/api/loops', owner.bearer, {
    ...sampleLoop,
    questions: sampleQuestions,
  })
  const { token } = await share(app, owner)
  const attempt = await call(
    'POST',
    `/api/questions/${token}/attempts`,
    {},
    {
      displayName: 'Guest',
    },
  )
  const ownAttempt = await call('POST', `/api/questions/${token}/attempts`, owner.bearer, {})
  const instant = await call(
    'POST',
    `/api/groups/${groupId}/sessions/create-instant`,
    owner.bearer,
    { source: { kind: 'share', token } },
  )
  const scheduled = await call('POST', `/api/groups/${groupId}/sessions/schedule`, owner.bearer, {
    scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    recurrenceRule: 'FREQ=WEEKLY;COUNT=3',
    source: { kind: 'loop', loopId: loop.id },
  })
  const invitation = await call('POST', `/api/groups/${groupId}/invitations`, owner.bearer, {
    email: 'invitee@example.test',
  })
  await call('POST', `/api/join/${code}`, member.bearer, { message: 'Let me in' })
  const requests = await call('GET', `/api/groups/${groupId}/join-requests`, owner.bearer)
  const requestIds = (requests.items as { id: string }[]).map((request) => request.id)
  const questionSet = await call('GET', `/api/questions/${token}`, {})
  const questionIds = (questionSet.questions as { id: string }[]).map((question) => question.id)
  return {
    groupId: [groupId],
    loopId: [String(loop.id)],
    token: [token, String(invitation.url).split('/').at(-1) ?? ''],
    attemptId: [String(attempt.id), String(ownAttempt.id)],
    sessionId: [String(instant.id), String(scheduled.id)],
    seriesId: scheduled.seriesId ? [String(scheduled.seriesId)] : [],
    invitationId: [String(invitation.id)],
    requestId: requestIds,
    code: [code],
    userId: [owner.id, member.id],
    createdBy: [owner.id],
    questionId: questionIds,
    timezone: ['Europe/Paris', 'UTC', 'Asia/Kathmandu', 'Pacific/Chatham'],
    recurrenceRule: ['FREQ=WEEKLY;COUNT=3', 'FREQ=DAILY;INTERVAL=2', 'FREQ=WEEKLY;BYDAY=TU,TH'],
    email: ['invitee@example.test', member.email],
    videoUrl: [sampleLoop.videoUrl],
    loop: [sampleLoop],
    questions: [sampleQuestions, sampleQuestions.slice(0, 1)],
  }
}

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; text: string }

interface Input {
  params: unknown
  rawSegment: string | null
  query: unknown
  body: Body
}

const rawBodies: fc.Arbitrary<Body> = fc.oneof(
  fc
    .constantFrom(
      '',
      'null',
      '[',
      '{"a":',
      '"text"',
      '1e999',
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
      `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      '{"a":"\\ud800"}',
    )
    .map((text): Body => ({ kind: 'raw', contentType: 'application/json', text })),
  fc.constantFrom<Body>(
    { kind: 'raw', contentType: 'text/plain', text: 'hello' },
    { kind: 'raw', contentType: 'application/x-www-form-urlencoded', text: 'a=1&b=%00' },
    { kind: 'raw', contentType: 'application/json; charset=latin1', text: '{}' },
  ),
)

function inputArbitrary(endpoint: Endpoint, known: KnownValues): fc.Arbitrary<Input> {
  const valid = inputOf(endpoint, known, 0)
  return fc.oneof(
    // Inputs of the schemas' shape, to reach the services and the database.
    { arbitrary: valid, weight: 2 },
    // The same with one string the database cannot store: a hostile value among otherwise
    // valid ones passes the schemas and reaches a query, where it used to cause a 500.
    {
      arbitrary: fc
        .tuple(valid, fc.nat(), fc.constantFrom('\u0000', '\ud800', '\udfff'))
        .map(([input, pick, text]) => withUnstorable(input, pick, text)),
      weight: 1,
    },
    // Hostile parts anywhere.
    { arbitrary: inputOf(endpoint, known, 2), weight: 2 },
  )
}

function stringCount(value: unknown): number {
  if (typeof value === 'string') return 1
  if (value === null || typeof value !== 'object') return 0
  return Object.values(value).reduce((sum: number, item) => sum + stringCount(item), 0)
}

/** Puts `text` into the `pick`-th string (modulo their number) of the params, query and body. */
function withUnstorable(input: Input, pick: number, text: string): Input {
  const body = input.body.kind === 'json' ? input.body.value : undefined
  const total = stringCount([input.params, input.query, body])
  if (total === 0) return input
  let index = 0
  const target = pick % total
  const taint = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return index++ === target ? `${value.slice(0, 1)}${text}${value.slice(1)}` : value
    }
    if (Array.isArray(value)) return value.map(taint)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, taint(item)]))
  }
  return {
    ...input,
    params: taint(input.params),
    query: taint(input.query),
    body: input.body.kind === 'json' ? { kind: 'json', value: taint(body) } : input.body,
  }
}

function inputOf(endpoint: Endpoint, known: KnownValues, hostileWeight: number) {
  const part = (schema: Endpoint['params']) =>
    schema ? partArbitrary(schema, known, hostileWeight) : fc.constant(undefined)
  const json = part(endpoint.body).map((value): Body => ({ kind: 'json', value }))
  const body: fc.Arbitrary<Body> =
    hostileWeight === 0
      ? endpoint.body
        ? json
        : fc.constant({ kind: 'none' })
      : fc.oneof(
          { arbitrary: json, weight: 6 },
          { arbitrary: rawBodies, weight: 2 },
          { arbitrary: hostileValue.map((value): Body => ({ kind: 'json', value })), weight: 1 },
        )
  return fc.record({
    params: part(endpoint.params),
    rawSegment: hostileWeight === 0 ? fc.constant(null) : fc.option(hostileSegment, { freq: 4 }),
    query: part(endpoint.query),
    body,
  })
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** The URL for an input; lone surrogates, which no URL can carry, become U+FFFD. */
function urlOf(endpoint: Endpoint, input: Input): string {
  const params =
    input.params !== null && typeof input.params === 'object'
      ? (input.params as Record<string, unknown>)
      : {}
  let rawUsed = false
  const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    if (input.rawSegment !== null && !rawUsed) {
      rawUsed = true
      return input.rawSegment
    }
    const value = params[name]
    return value === undefined ? '' : encodeURIComponent(textOf(value).toWellFormed())
  })
  const query = new URLSearchParams()
  if (input.query !== null && typeof input.query === 'object' && !Array.isArray(input.query)) {
    for (const [key, value] of Object.entries(input.query)) {
      const values = Array.isArray(value) ? value : [value]
      for (const item of values) query.append(key, textOf(item))
    }
  }
  const search = query.toString()
  return search ? `${path}?${search}` : path
}

async function send(endpoint: Endpoint, input: Input, headers: Record<string, string>) {
  const body = input.body
  sent++
  return app.inject({
    method: endpoint.method,
    url: urlOf(endpoint, input),
    headers: {
      ...headers,
      ...(body.kind === 'none'
        ? {}
        : { 'content-type': body.kind === 'raw' ? body.contentType : 'application/json' }),
    },
    ...(body.kind === 'none'
      ? {}
      : { payload: body.kind === 'raw' ? body.text : (JSON.stringify(body.value) ?? 'null') }),
  })
}

/** Long generated strings would bury the failure; the seed replays it in full anyway. */
function shown(input: Input): string {
  return JSON.stringify(input, (_, value: unknown) =>
    typeof value === 'string' && value.length > 300 ? `${value.slice(0, 300)}…` : value,
  )
}

const callers = [
  { name: 'anonymous', headers: {} },
  { name: 'signed-in owner', headers: owner.bearer },
] as const

function runsFor(endpoint: Endpoint, caller: (typeof callers)[number]) {
  if (caller.name === 'signed-in owner') return runs.signedIn
  return endpoint.auth === 'required' ? runs.anonymousRefused : runs.anonymous
}

let known: KnownValues | null = null
let rowsTouched = true

describe(`every contract endpoint answers bad input with 4xx, never 5xx (seed ${seed})`, () => {
  for (const [name, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    it(`${name}: ${endpoint.method} ${endpoint.path}`, async () => {
      // A write may change or delete the rows it hits: the next endpoint gets fresh ones.
      if (rowsTouched || known === null) known = await seedRows()
      rowsTouched = endpoint.method !== 'GET'
      for (const caller of callers) {
        await fc.assert(
          fc.asyncProperty(inputArbitrary(endpoint, known), async (input) => {
            const response = await send(endpoint, input, caller.headers)
            const where = `${name} as ${caller.name} (FUZZ_SEED=${seed}): ${urlOf(endpoint, input)} ${shown(input)}`
            if (response.statusCode >= 500) failed++
            expect(response.statusCode, `${where} → ${response.body}`).toBeLessThan(500)
            if (response.statusCode >= 400) {
              // Clients parse every error with the contract's schema.
              const parsed = errorBodySchema.safeParse(JSON.parse(response.body))
              expect(parsed.success, `${where} → ${response.body}`).toBe(true)
            }
          }),
          { seed, numRuns: runsFor(endpoint, caller), endOnFailure: true },
        )
      }
    })
  }
})
