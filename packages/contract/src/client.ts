import { buildPath, type Endpoint, type EndpointInput, type EndpointOutput } from './endpoint.ts'
import { type ErrorCode, errorBodySchema } from './errors.ts'

/** An error answer of the API, parsed from its error body. */
export class ApiError extends Error {
  readonly status: number
  readonly code: ErrorCode
  readonly details: unknown

  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export interface ApiClientOptions {
  /** Origin of the server, e.g. http://localhost:3000; empty for same-origin calls. */
  baseUrl?: string
  /** Extra headers per call, e.g. the extension's bearer token. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>
  credentials?: RequestCredentials
  fetch?: typeof fetch
}

export type ApiCall = <E extends Endpoint>(
  endpoint: E,
  input: EndpointInput<E>,
) => Promise<EndpointOutput<E>>

function toQueryString(query: Record<string, unknown> | undefined): string {
  if (!query) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null)
  const parsed = errorBodySchema.safeParse(body)
  if (parsed.success) {
    const { code, message, details } = parsed.data.error
    return new ApiError(response.status, code, message, details)
  }
  const code: ErrorCode = response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL'
  return new ApiError(response.status, code, `The server answered ${response.status}`)
}

/** A typed caller of the API: `call(endpoints.getLoop, {params: {loopId}})`. */
export function createApiClient(options: ApiClientOptions = {}): ApiCall {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  return async (endpoint, input) => {
    const { params, query, body } = input as {
      params?: Record<string, unknown>
      query?: Record<string, unknown>
      body?: unknown
    }
    const url = `${options.baseUrl ?? ''}${buildPath(endpoint.path, params)}${toQueryString(query)}`
    const headers: Record<string, string> = {
      accept: endpoint.responseContentType ?? 'application/json',
      ...(await options.headers?.()),
    }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const response = await doFetch(url, {
      method: endpoint.method,
      headers,
      credentials: options.credentials ?? 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw await toApiError(response)
    if (endpoint.responseContentType !== undefined) {
      return endpoint.response.parse(await response.text()) as EndpointOutput<typeof endpoint>
    }
    const json: unknown = response.status === 204 ? {} : await response.json()
    return endpoint.response.parse(json) as EndpointOutput<typeof endpoint>
  }
}
