import { io, type Socket } from 'socket.io-client'
import { ApiError } from './client.ts'
import { type ErrorCode, errorCodeSchema } from './errors.ts'
import type { Ack, ClientToServerEvents, ServerToClientEvents } from './events.ts'

/** The typed socket the web app and the extension share. */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export interface RealtimeClientOptions {
  /** Origin of the server; empty or omitted for the page's own origin. */
  baseUrl?: string
  /** The extension's bearer token; the web app sends its session cookie instead. */
  token?: () => string | null | Promise<string | null>
  /** How long an unanswered request waits before it is sent again (the same id: harmless). */
  ackTimeoutMs?: number
}

/**
 * Connects over WebSocket only (no long-polling upgrade: one connection, less heap per client).
 * Requests with an ack are retried by Socket.IO itself until the server answers, also across a
 * reconnect, so an answer sent while the connection is down is delivered when it comes back.
 */
export function createRealtimeClient({
  baseUrl,
  token,
  ackTimeoutMs = 10_000,
}: RealtimeClientOptions = {}): RealtimeSocket {
  const options = {
    path: '/socket.io',
    transports: ['websocket'],
    withCredentials: true,
    ackTimeout: ackTimeoutMs,
    retries: Number.POSITIVE_INFINITY,
    ...(token
      ? {
          auth: (callback: (data: object) => void) => {
            void Promise.resolve(token()).then((value) => callback(value ? { token: value } : {}))
          },
        }
      : {}),
  }
  return baseUrl ? io(baseUrl, options) : io(options)
}

/** The data of an ack, or an ApiError with the server's code (status 0: it came over the socket). */
export function unwrapAck<T>(reply: Ack<T>): T {
  if (reply.ok) return reply.data
  const parsed = errorCodeSchema.safeParse(reply.error.code)
  const code: ErrorCode = parsed.success ? parsed.data : 'INTERNAL'
  throw new ApiError(0, code, reply.error.message)
}
