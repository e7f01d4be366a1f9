import type { z } from 'zod'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Who may call an endpoint: a signed-in user, anyone (a user if there is one), or anyone. */
export type EndpointAuth = 'required' | 'optional' | 'none'

/** One HTTP endpoint: the single description the server validates with and clients call through. */
export interface Endpoint {
  method: HttpMethod
  path: string
  summary: string
  tag: string
  auth: EndpointAuth
  successStatus: 200 | 201 | 204
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  response: z.ZodType
  /** A response that is not JSON (a CSV or iCalendar download): sent as this media type, as text. */
  responseContentType?: 'text/csv; charset=utf-8' | 'text/calendar; charset=utf-8'
}

export function defineEndpoint<const E extends Endpoint>(endpoint: E): E {
  return endpoint
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : never

/** What a caller passes for an endpoint: its path params, query and body, each only if it has one. */
export type EndpointInput<E extends Endpoint> = (E['params'] extends z.ZodType
  ? { params: InputOf<E['params']> }
  : { params?: never }) &
  (E['query'] extends z.ZodType ? { query?: InputOf<E['query']> } : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: InputOf<E['body']> } : { body?: never })

export type EndpointOutput<E extends Endpoint> = z.output<E['response']>

/** Fills `:name` segments of a path from params, URL-encoded. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name}`)
    return encodeURIComponent(String(value))
  })
}
