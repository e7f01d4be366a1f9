/**
 * The physical references of `bench:live`, forked by it at the same N as the app: a bare `ws`
 * broadcast server and a bare Socket.IO 4.8 server (WebSocket transport only, no rooms, no auth,
 * no connection state recovery, no compression). Each broadcasts a `b` message to every client
 * and acknowledges an `a` message (counted, nothing stored). `node bench/live-reference.ts ws`
 * or `… socket.io`; the port goes to the parent over IPC, as do heap and event-loop figures.
 */
import { createServer } from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Server } from 'socket.io'
import { WebSocketServer } from 'ws'
import type { ProcessStats } from './live-protocol.ts'

const kind = process.argv[2]
if (kind !== 'ws' && kind !== 'socket.io') throw new Error('usage: live-reference.ts ws|socket.io')

const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
const gc = (globalThis as { gc?: () => void }).gc
let acked = 0

const http = createServer()
if (kind === 'ws') {
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false })
  wss.on('connection', (socket) => {
    socket.on('message', (data) => {
      const text = String(data)
      const message = JSON.parse(text) as { t: string; key: string }
      if (message.t === 'b') {
        for (const client of wss.clients) client.send(text)
      } else if (message.t === 'a') {
        acked++
        socket.send(JSON.stringify({ t: 'ack', key: message.key }))
      }
    })
  })
} else {
  const io = new Server(http, {
    transports: ['websocket'],
    perMessageDeflate: false,
    serveClient: false,
  })
  io.on('connection', (socket) => {
    socket.on('b', (message: unknown) => io.emit('b', message))
    socket.on('a', (_message: unknown, ack: unknown) => {
      acked++
      if (typeof ack === 'function') ack(true)
    })
  })
}

http.listen(0, '127.0.0.1', () => {
  const address = http.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  process.send?.({ type: 'listening', port: address.port })
})

process.on('message', (message: { type: string; id: number }) => {
  if (message.type === 'reset-loop-delay') {
    loopDelay.reset()
    process.send?.({ id: message.id })
    return
  }
  if (message.type !== 'stats') return
  gc?.()
  gc?.()
  const memory = process.memoryUsage()
  const stats: ProcessStats = {
    heapUsed: memory.heapUsed,
    rss: memory.rss,
    loopDelayMs: {
      p50: loopDelay.percentile(50) / 1e6,
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
    },
    cpu: process.cpuUsage(),
    gcExposed: gc !== undefined,
  }
  process.send?.({ id: message.id, stats, acked })
})
