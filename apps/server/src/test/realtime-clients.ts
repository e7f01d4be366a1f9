import type { ServerToClientEvents } from '@loopquiz/contract'
import { createRealtimeClient, type RealtimeSocket } from '@loopquiz/contract/realtime-client'
import { afterAll } from 'vitest'
import type { App } from '../app.ts'
import type { TestUser } from './test-app.ts'

/** Listens on a free loopback port (once per app) and returns its origin. */
export async function listenOnce(app: App): Promise<string> {
  const address = app.server.address()
  if (address && typeof address === 'object') return `http://127.0.0.1:${address.port}`
  await app.listen({ host: '127.0.0.1', port: 0 })
  const bound = app.server.address()
  if (!bound || typeof bound !== 'object') throw new Error('the app is not listening')
  return `http://127.0.0.1:${bound.port}`
}

const open: RealtimeSocket[] = []
afterAll(() => {
  for (const socket of open.splice(0)) socket.disconnect()
})

/** A connected socket of the user, signed in by bearer token as the extension is. */
export async function connectAs(
  origin: string,
  user: TestUser,
  options: { ackTimeoutMs?: number } = {},
): Promise<RealtimeSocket> {
  const token = user.bearer.authorization.replace(/^Bearer /, '')
  const socket = createRealtimeClient({ baseUrl: origin, token: () => token, ...options })
  open.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

type EventName = keyof ServerToClientEvents
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0]

/** The first `event` the socket receives that matches, or a rejection after `timeoutMs`. */
export function nextEvent<E extends EventName>(
  socket: RealtimeSocket,
  event: E,
  matches: (payload: Payload<E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    // The typed map cannot be indexed generically; the payload type is restored on the way out.
    const target = socket as unknown as {
      on(name: string, listener: (payload: unknown) => void): void
      off(name: string, listener: (payload: unknown) => void): void
    }
    const timer = setTimeout(() => {
      target.off(event, listener)
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`))
    }, timeoutMs)
    const listener = (payload: unknown) => {
      if (!matches(payload as Payload<E>)) return
      clearTimeout(timer)
      target.off(event, listener)
      resolve(payload as Payload<E>)
    }
    target.on(event, listener)
  })
}
