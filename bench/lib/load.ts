import autocannon from 'autocannon'

export interface LoadOptions {
  /** Full URL of the first request; `requests` may change path and body per request. */
  url: string
  connections: number
  durationS: number
  method?: 'GET' | 'POST'
  requests?: autocannon.Request[]
  /** Upper bound on requests sent, for scenarios whose valid requests are a finite pool. */
  maxRequests?: number
}

/** What one measured run gives, in the units the report prints. */
export interface Figures {
  /** Responses received (any status). */
  requests: number
  durationS: number
  requestsPerSecond: number
  latencyMs: { p50: number; p99: number; average: number; max: number }
  non2xx: number
  /** Connection errors, timeouts included. */
  errors: number
  timeouts: number
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' }

/** One autocannon run against a local server; ends after durationS or maxRequests. */
export async function runLoad(options: LoadOptions): Promise<Figures> {
  assertLocal(options.url)
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    method: options.method ?? 'GET',
    headers: JSON_HEADERS,
    ...(options.requests ? { requests: options.requests } : {}),
    ...(options.maxRequests ? { maxOverallRequests: options.maxRequests } : {}),
    timeout: 10,
  })
  return toFigures(result)
}

function toFigures(result: autocannon.Result): Figures {
  return {
    requests: result.requests.total,
    durationS: result.duration,
    // Total over wall time, not autocannon's per-second average: a run that ends early on
    // maxRequests has a partial last second that would skew the average.
    requestsPerSecond: round(result.requests.total / result.duration, 1),
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      average: round(result.latency.average, 2),
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}

/** The bench must only ever load the server it started on this machine. */
function assertLocal(url: string) {
  const { hostname } = new URL(url)
  if (hostname !== '127.0.0.1') throw new Error(`Refusing to load a non-local URL: ${url}`)
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}
