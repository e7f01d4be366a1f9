import { createRealtimeClient, type RealtimeSocket } from '@loopquiz/contract/realtime-client'
import { useEffect, useState, useSyncExternalStore } from 'react'
import { authClient } from './auth-client'

/*
 * One Socket.IO connection per tab, open while a signed-in page uses it. Import this module only
 * from signed-in pages: it brings socket.io-client, which a guest taking a quiz never needs.
 */

/**
 * - `connecting`: the first connection of this tab is being made;
 * - `connected`: pushes arrive (pages stop polling);
 * - `reconnecting`: the connection dropped and is being made again (pages poll meanwhile);
 * - `offline`: no connection can be made for now (no network, or the server refused it).
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline'

/** Failed attempts in a row after which the tab counts as offline (it keeps trying). */
const OFFLINE_AFTER_ATTEMPTS = 3
/** A page left for another keeps the connection this long, so moving around does not reconnect. */
const IDLE_CLOSE_MS = 5_000
/** Samples of the server's clock taken on each connection; the fastest round trip wins. */
const CLOCK_SAMPLES = 4

interface Connection {
  userId: string
  socket: RealtimeSocket
  users: number
  closeTimer: ReturnType<typeof setTimeout> | null
}

let connection: Connection | null = null
let status: ConnectionStatus = 'offline'
/** The server's clock minus this one's, in ms, best estimate so far. */
let clockOffsetMs = 0
let bestRoundTripMs = Number.POSITIVE_INFINITY

const statusListeners = new Set<() => void>()
const clockListeners = new Set<() => void>()

function setStatus(next: ConnectionStatus) {
  if (status === next) return
  status = next
  for (const listener of statusListeners) listener()
}

/**
 * Estimates the offset from a few `time:sync` round trips: the reply was stamped somewhere
 * between sending and receiving, so the midpoint is the best guess, and the shortest round
 * trip bounds the error best.
 */
async function syncClock(socket: RealtimeSocket) {
  for (let i = 0; i < CLOCK_SAMPLES && socket.connected; i++) {
    const sentAt = Date.now()
    try {
      // Volatile: past the ack queue, where waiting behind other requests would skew the sample.
      const { serverNow } = await socket.volatile.timeout(3_000).emitWithAck('time:sync')
      const receivedAt = Date.now()
      const roundTrip = receivedAt - sentAt
      if (roundTrip <= bestRoundTripMs) {
        bestRoundTripMs = roundTrip
        clockOffsetMs = serverNow - (sentAt + receivedAt) / 2
        for (const listener of clockListeners) listener()
      }
    } catch {
      // A lost sample: the others, or the next connection's, will do.
    }
  }
}

function open(userId: string): Connection {
  const socket = createRealtimeClient()
  let failedAttempts = 0
  socket.on('connect', () => {
    failedAttempts = 0
    setStatus('connected')
    // A new connection may take a new route: measure again rather than trust the old figure.
    bestRoundTripMs = Number.POSITIVE_INFINITY
    void syncClock(socket)
  })
  socket.on('disconnect', () => {
    if (connection?.socket === socket) setStatus(socket.active ? 'reconnecting' : 'offline')
  })
  socket.on('connect_error', () => {
    failedAttempts++
    // Not active: the server refused the handshake (signed out elsewhere); it will not retry.
    if (!socket.active || failedAttempts >= OFFLINE_AFTER_ATTEMPTS) setStatus('offline')
    else if (status !== 'connecting') setStatus('reconnecting')
  })
  setStatus(navigator.onLine ? 'connecting' : 'offline')
  return { userId, socket, users: 0, closeTimer: null }
}

function close() {
  if (!connection) return
  if (connection.closeTimer) clearTimeout(connection.closeTimer)
  connection.socket.disconnect()
  connection = null
  setStatus('offline')
}

function acquire(userId: string): RealtimeSocket {
  if (connection && connection.userId !== userId) close()
  connection ??= open(userId)
  if (connection.closeTimer) {
    clearTimeout(connection.closeTimer)
    connection.closeTimer = null
  }
  connection.users++
  return connection.socket
}

function release(socket: RealtimeSocket) {
  const current = connection
  if (!current || current.socket !== socket) return
  current.users--
  if (current.users > 0) return
  current.closeTimer = setTimeout(() => {
    if (connection === current && current.users === 0) close()
  }, IDLE_CLOSE_MS)
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => {
    if (connection) setStatus('offline')
  })
  window.addEventListener('online', () => {
    if (!connection) return
    if (connection.socket.connected) setStatus('connected')
    else {
      setStatus('reconnecting')
      connection.socket.connect()
    }
  })
}

/**
 * The tab's socket while the user is signed in, null before that and after signing out (the
 * connection closes at once then: the next user of this tab gets their own).
 */
export function useRealtimeSocket(): RealtimeSocket | null {
  const session = authClient.useSession()
  const userId = session.data?.user.id ?? null
  const [socket, setSocket] = useState<RealtimeSocket | null>(null)
  useEffect(() => {
    if (!userId) {
      if (!session.isPending) close()
      return
    }
    const acquired = acquire(userId)
    setSocket(acquired)
    return () => {
      release(acquired)
      setSocket(null)
    }
  }, [userId, session.isPending])
  return socket
}

function subscribeStatus(listener: () => void) {
  statusListeners.add(listener)
  return () => statusListeners.delete(listener)
}

/** The connection's state, for indicators and for pages that poll only while it is down. */
export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(
    subscribeStatus,
    () => status,
    () => 'offline',
  )
}

/** Whether pushes arrive now: polling can stop. */
export function useIsRealtimeConnected(): boolean {
  return useConnectionStatus() === 'connected'
}

/** The server's clock now, in epoch ms, as well as this tab can tell (countdowns use it). */
export function serverNow(): number {
  return Date.now() + clockOffsetMs
}

function subscribeClock(listener: () => void) {
  clockListeners.add(listener)
  return () => clockListeners.delete(listener)
}

/** The server clock's offset from this one, re-rendering when a better estimate arrives. */
export function useServerClock(): { offsetMs: number; serverNow: () => number } {
  const offsetMs = useSyncExternalStore(
    subscribeClock,
    () => clockOffsetMs,
    () => 0,
  )
  return { offsetMs, serverNow }
}

/** How many pages of this tab watch each room, so one leaving does not unwatch it for another. */
const watchers = new Map<string, number>()

/** Counts a page of this tab in as watching `room`. */
export function retainRoom(room: string): void {
  watchers.set(room, (watchers.get(room) ?? 0) + 1)
}

/** Counts a watcher out; true when none is left and the room should be unwatched. */
export function releaseRoom(room: string): boolean {
  const left = (watchers.get(room) ?? 1) - 1
  if (left > 0) {
    watchers.set(room, left)
    return false
  }
  watchers.delete(room)
  return true
}
