import { buildPath, endpoints } from '@loopquiz/contract'
import type autocannon from 'autocannon'
import { type AnswerCall, createAnswerPool, type Fixture } from './fixture.ts'
import { type Figures, type LoadOptions, runLoad } from './load.ts'
import type { Settings } from './settings.ts'

export type ScenarioName = 'getQuestionSet' | 'submitAnswer' | 'replayAnswer'

export interface ScenarioResult extends Figures {
  name: ScenarioName
  method: 'GET' | 'POST'
  route: string
  description: string
  /** Anything that qualifies the figures, e.g. a run cut short. */
  note?: string
}

type RunSettings = Pick<Settings, 'connections' | 'durationS' | 'warmupS'>

// Answers are writes, so they should not outpace reads of the set; the margin covers noise
// so that the pool, not the clock, rarely ends the run.
const POOL_MARGIN = 1.5
const MIN_POOL = 5_000
const MAX_POOL = 100_000

/** Reading a shared question set (50 questions) as a guest taker opening the link. */
export async function measureGetQuestionSet(
  baseUrl: string,
  fixture: Fixture,
  settings: RunSettings,
): Promise<ScenarioResult> {
  const path = buildPath(endpoints.getQuestionSet.path, { token: fixture.token })
  const figures = await warmThenMeasure(settings, { url: `${baseUrl}${path}` })
  return {
    name: 'getQuestionSet',
    method: 'GET',
    route: endpoints.getQuestionSet.path,
    description: `a guest reads a shared set of ${fixture.questionIds.length} questions`,
    ...figures,
  }
}

/**
 * Submitting new answers as guests: every request answers a new (attempt, question) pair
 * with a fresh clientAnswerId, so each one is graded and written, never replayed.
 * Returns the calls that succeeded, for the replay scenario.
 */
export async function measureSubmitAnswer(
  baseUrl: string,
  fixture: Fixture,
  settings: RunSettings,
  expectedPerSecond: number,
): Promise<{ result: ScenarioResult; answered: AnswerCall[] }> {
  const pool = await createAnswerPool(baseUrl, fixture, poolSize(settings, expectedPerSecond))
  const answered: AnswerCall[] = []
  let next = 0
  const take = (): AnswerCall => {
    const call = pool[next++]
    // maxRequests below keeps autocannon within the pool; reaching here is a bench bug.
    if (!call) throw new Error('Answer pool exhausted')
    return call
  }
  const options = (durationS: number): LoadOptions => ({
    url: `${baseUrl}${pool[0]?.path ?? ''}`,
    method: 'POST',
    connections: settings.connections,
    durationS,
    maxRequests: pool.length - next,
    requests: [answerRequest(take, (call) => answered.push(call))],
  })
  if (settings.warmupS > 0) await runLoad(options(settings.warmupS))
  const remaining = pool.length - next
  if (remaining < settings.connections) throw new Error('Warm-up used up the answer pool')
  const figures = await runLoad(options(settings.durationS))
  const stoppedEarly = next >= pool.length && figures.durationS < settings.durationS
  const note = stoppedEarly ? `stopped early: all ${pool.length} prepared answers sent` : undefined
  return {
    result: {
      name: 'submitAnswer',
      method: 'POST',
      route: endpoints.submitAnswer.path,
      description: 'a guest answers a new question: graded, then written in a transaction',
      ...figures,
      ...(note ? { note } : {}),
    },
    answered,
  }
}

/** Re-sending answers already recorded, as a client retrying after a lost response would. */
export async function measureReplayAnswer(
  baseUrl: string,
  answered: AnswerCall[],
  settings: RunSettings,
): Promise<ScenarioResult> {
  if (answered.length === 0) throw new Error('No recorded answers to replay')
  let next = 0
  const take = (): AnswerCall => answered[next++ % answered.length] as AnswerCall
  const figures = await warmThenMeasure(settings, {
    url: `${baseUrl}${answered[0]?.path ?? ''}`,
    method: 'POST',
    requests: [answerRequest(take, () => {})],
  })
  return {
    name: 'replayAnswer',
    method: 'POST',
    route: endpoints.submitAnswer.path,
    description: 'the same answer again (same clientAnswerId): the first result, nothing written',
    ...figures,
  }
}

async function warmThenMeasure(
  settings: RunSettings,
  load: Omit<LoadOptions, 'connections' | 'durationS'>,
): Promise<Figures> {
  const connections = settings.connections
  if (settings.warmupS > 0) await runLoad({ ...load, connections, durationS: settings.warmupS })
  return runLoad({ ...load, connections, durationS: settings.durationS })
}

interface AnswerContext {
  call?: AnswerCall
}

/** An autocannon request whose path and body come from `take`, one call per request. */
function answerRequest(
  take: () => AnswerCall,
  onSuccess: (call: AnswerCall) => void,
): autocannon.Request {
  return {
    method: 'POST',
    // autocannon hands each connection a context that lives from setupRequest to onResponse
    // of the same request (one request in flight per connection, no pipelining).
    setupRequest: (request, context) => {
      const call = take()
      ;(context as AnswerContext).call = call
      return { ...request, path: call.path, body: call.body }
    },
    onResponse: (status, _body, context) => {
      const call = (context as AnswerContext).call
      if (call && status >= 200 && status < 300) onSuccess(call)
    },
  }
}

function poolSize(settings: RunSettings, expectedPerSecond: number): number {
  const seconds = settings.warmupS + settings.durationS
  const wanted = Math.ceil(expectedPerSecond * seconds * POOL_MARGIN)
  return Math.min(MAX_POOL, Math.max(MIN_POOL, wanted, settings.connections * 2))
}
