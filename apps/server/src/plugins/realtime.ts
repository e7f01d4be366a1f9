import type { Ack, ClientToServerEvents, ErrorCode, ServerToClientEvents } from '@loopquiz/contract'
import { createAdapter } from '@socket.io/redis-streams-adapter'
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import { createClient } from 'redis'
import { type Socket as IoSocket, Server } from 'socket.io'
import type { z } from 'zod'
import type { Auth } from '../auth/auth.ts'
import { AppError } from '../lib/app-error.ts'
import { createPresenceTracker, type PresentUser } from '../lib/presence-tracker.ts'

/** What the server keeps on each socket: who it is, from the handshake. */
export interface SocketData {
  userId: string
  name: string
  email: string
}

/** Messages between server nodes (through the adapter); none of them reach a client. */
export interface InterServerEvents {
  /** Who the node has in a room now. */
  'presence:users': (room: string, ack: (users: PresentUser[]) => void) => void
  /** Something a node caches about a session changed (its live state, its status). */
  'session:stale': (sessionId: string) => void
}

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>
export type RealtimeSocket = IoSocket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>

export const rooms = {
  user: (userId: string) => `user:${userId}`,
  group: (groupId: string) => `group:${groupId}`,
  session: (sessionId: string) => `session:${sessionId}`,
  sessionHosts: (sessionId: string) => `session:${sessionId}:hosts`,
}

export interface RealtimeOptions {
  redisUrl: string | undefined
  /** The adapter's stream name and channel prefix (default "socket.io"). */
  redisStream?: string | undefined
  trustedOrigins: readonly string[]
  logger: FastifyBaseLogger
  /** How long a user who lost every connection still shows as present. */
  offlineGraceMs?: number
  /** How long a dropped client may be gone and still get what it missed. */
  recoveryWindowMs?: number
  /** Tells modules that a user came online or went offline in a room (on this node). */
  onPresenceChange?: (room: string, user: PresentUser, online: boolean) => void
}

/** The ack of a request that failed: the error as the HTTP API words it, never an internal message. */
export function ackErrorOf(error: unknown, logger: FastifyBaseLogger): Ack<never> {
  if (error instanceof AppError) {
    return { ok: false, error: { code: error.code, message: error.message } }
  }
  logger.error({ err: error }, 'socket request failed')
  const code: ErrorCode = 'INTERNAL'
  return { ok: false, error: { code, message: 'Something went wrong on our side.' } }
}

/**
 * Socket.IO on the app's HTTP server: one connection per tab, authenticated in the handshake by
 * the session cookie (from a trusted origin, as for cookie writes) or by a bearer token (the
 * extension). With REDIS_URL the Redis Streams adapter carries broadcasts and recovery state to
 * every node; without it everything stays in this process.
 */
export async function registerRealtime(app: FastifyInstance, auth: Auth, options: RealtimeOptions) {
  const trusted = new Set(options.trustedOrigins)
  const redis = options.redisUrl ? createClient({ url: options.redisUrl }) : null
  if (redis) {
    redis.on('error', (error: unknown) =>
      options.logger.warn({ err: error }, 'redis connection problem (the adapter reconnects)'),
    )
    await redis.connect()
  }
  const io: RealtimeServer = new Server(app.server, {
    path: '/socket.io',
    serveClient: false,
    // One WebSocket per client: no long-polling upgrade, so no sticky sessions between nodes.
    transports: ['websocket'],
    // Deflate would stop Socket.IO from encoding a room broadcast once for all its sockets.
    perMessageDeflate: false,
    connectionStateRecovery: {
      maxDisconnectionDuration: options.recoveryWindowMs ?? 2 * 60_000,
      skipMiddlewares: true,
    },
    ...(redis
      ? {
          adapter: createAdapter(redis, {
            maxLen: 100_000,
            ...(options.redisStream
              ? { streamName: options.redisStream, channelPrefix: options.redisStream }
              : {}),
          }),
        }
      : {}),
  })
  const clustered = redis !== null

  io.use(async (socket, next) => {
    try {
      const headers = new Headers()
      const token: unknown = socket.handshake.auth?.token
      if (typeof token === 'string' && token.length > 0) {
        headers.set('authorization', `Bearer ${token}`)
      } else {
        const origin = socket.handshake.headers.origin
        // A cookie rides along with any page's connection: only our own pages may use it.
        if (origin === undefined || !trusted.has(origin)) {
          return next(new Error('FORBIDDEN: this connection came from an untrusted origin'))
        }
        headers.set('cookie', socket.handshake.headers.cookie ?? '')
      }
      const session = await auth.api.getSession({ headers })
      if (!session) return next(new Error('UNAUTHENTICATED: sign in to connect'))
      socket.data.userId = session.user.id
      socket.data.name = session.user.name
      socket.data.email = session.user.email
      next()
    } catch (error) {
      options.logger.error({ err: error }, 'socket handshake failed')
      next(new Error('INTERNAL: the connection could not be checked'))
    }
  })

  const presence = createPresenceTracker(options.offlineGraceMs ?? 2000, (room, user, online) =>
    options.onPresenceChange?.(room, user, online),
  )
  io.on('presence:users', (room, ack) => ack(presence.localUsers(room)))
  const staleListeners: Array<(sessionId: string) => void> = []
  io.on('session:stale', (sessionId) => {
    for (const listener of staleListeners) listener(sessionId)
  })

  /** Who is in a room across every node. */
  async function usersIn(room: string): Promise<PresentUser[]> {
    const local = presence.localUsers(room)
    if (!clustered) return local
    const remote = await io.serverSideEmitWithAck('presence:users', room)
    const byId = new Map(local.map((user) => [user.userId, user]))
    for (const users of remote) for (const user of users) byId.set(user.userId, user)
    return [...byId.values()]
  }

  const watched = new WeakMap<RealtimeSocket, Set<string>>()
  /** The socket watches a presence room (a session's or a group's) until it leaves or drops. */
  function watch(socket: RealtimeSocket, room: string) {
    let set = watched.get(socket)
    if (!set) {
      set = new Set()
      watched.set(socket, set)
    }
    if (set.has(room)) return
    set.add(room)
    void socket.join(room)
    presence.enter(room, { userId: socket.data.userId, name: socket.data.name })
  }
  function unwatch(socket: RealtimeSocket, room: string) {
    const set = watched.get(socket)
    if (!set?.delete(room)) return
    void socket.leave(room)
    presence.leave(room, socket.data.userId)
  }

  const connectionHandlers: Array<(socket: RealtimeSocket) => void> = []
  io.on('connection', (socket) => {
    void socket.join(rooms.user(socket.data.userId))
    if (socket.recovered) {
      // Rooms came back with the recovered session; presence is counted again.
      for (const room of socket.rooms) {
        if (room.startsWith('session:') || room.startsWith('group:')) {
          if (!room.endsWith(':hosts')) watch(socket, room)
        }
      }
    }
    socket.on('time:sync', (ack) => {
      if (typeof ack === 'function') ack({ serverNow: Date.now() })
    })
    socket.on('disconnect', () => {
      for (const room of watched.get(socket) ?? []) presence.leave(room, socket.data.userId)
      watched.delete(socket)
    })
    for (const handler of connectionHandlers) handler(socket)
  })

  /**
   * Registers a request a client sends with an ack: the body is validated by its contract schema,
   * the handler's result is the ack's data, and an error is acked as the HTTP API words it.
   */
  function handle<S extends z.ZodType, R>(
    socket: RealtimeSocket,
    event: keyof ClientToServerEvents,
    schema: S,
    handler: (body: z.output<S>) => Promise<R>,
  ) {
    // The typed event map cannot express "any event with an ack" generically.
    const on = socket.on.bind(socket) as unknown as (
      name: string,
      listener: (body: unknown, ack: unknown) => void,
    ) => void
    on(event, (body, ack) => {
      if (typeof ack !== 'function') return
      const reply = ack as (reply: Ack<R>) => void
      const parsed = schema.safeParse(body)
      if (!parsed.success) {
        reply({
          ok: false,
          error: {
            code: 'VALIDATION_FAILED',
            message: parsed.error.issues
              .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
              .join('; '),
          },
        })
        return
      }
      handler(parsed.data).then(
        (data) => reply({ ok: true, data }),
        (error: unknown) => reply(ackErrorOf(error, options.logger)),
      )
    })
  }

  app.addHook('preClose', async () => {
    // Open WebSockets would keep the HTTP server from closing.
    io.local.disconnectSockets(true)
    presence.stop()
    io.engine.close()
  })
  app.addHook('onClose', async () => {
    if (redis) await redis.quit().catch(() => {})
  })

  return {
    io,
    clustered,
    usersIn,
    watch,
    unwatch,
    handle,
    /** Tells every node, this one included, to drop what it caches of the session. */
    markSessionStale(sessionId: string) {
      for (const listener of staleListeners) listener(sessionId)
      if (clustered) io.serverSideEmit('session:stale', sessionId)
    },
    onSessionStale(listener: (sessionId: string) => void) {
      staleListeners.push(listener)
    },
    /** Adds what a module listens for on every new connection. */
    onConnection(handler: (socket: RealtimeSocket) => void) {
      connectionHandlers.push(handler)
    },
  }
}

export type Realtime = Awaited<ReturnType<typeof registerRealtime>>
