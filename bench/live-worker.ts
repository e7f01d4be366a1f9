/**
 * One load-generator thread of `bench:live`: many sockets in one event loop. Every time is
 * `performance.timeOrigin + performance.now()`: the machine's clock at sub-millisecond
 * resolution, the same in every thread of the generator (each thread's own `performance.now()`
 * starts at its own origin; adding the origin puts them all on the wall clock), so a send in one
 * thread and a receive in another are compared on one clock.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { parentPort } from 'node:worker_threads'
import { createRealtimeClient, type RealtimeSocket } from '@loopquiz/contract/realtime-client'
import { type Socket as IoClientSocket, io as ioClient } from 'socket.io-client'
import WebSocket from 'ws'
import type {
  Collected,
  FromWorker,
  Participant,
  Send,
  TargetKind,
  ToWorker,
} from './live-protocol.ts'

const port = parentPort
if (!port) throw new Error('live-worker runs as a worker thread of bench/live.ts')
const reply = (message: FromWorker) => port.postMessage(message)
const now = () => performance.timeOrigin + performance.now()

interface Client {
  participant: Participant
  app?: RealtimeSocket
  sio?: IoClientSocket
  ws?: WebSocket
}

let kind: TargetKind = 'app'
const clients: Client[] = []
const byIndex = new Map<number, Client>()
let tracking = true
let received = new Map<string, [number, number]>()
let sent = new Map<string, [number, number, boolean]>()
let events = 0
let cpuMark = process.threadCpuUsage()
let loopMark = performance.eventLoopUtilization()
const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()

function record(key: string) {
  events++
  if (!tracking) return
  const at = now()
  const entry = received.get(key)
  if (entry) {
    entry[0]++
    entry[1] = at
  } else {
    received.set(key, [1, at])
  }
}

/** Runs `task` over `items` with at most `limit` at once; collects failures. */
async function pooled<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0
  let ok = 0
  let failed = 0
  let firstError: string | null = null
  async function lane() {
    while (next < items.length) {
      const item = items[next++] as T
      try {
        await task(item)
        ok++
      } catch (error) {
        failed++
        firstError ??= error instanceof Error ? error.message : String(error)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return { ok, failed, firstError }
}

function connectOne(participant: Participant): Promise<void> {
  const client: Client = { participant }
  clients.push(client)
  byIndex.set(participant.index, client)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timed out after 60 s')), 60_000)
    const done = (error?: Error) => {
      clearTimeout(timer)
      if (error) reject(error)
      else resolve()
    }
    if (kind === 'app') {
      const socket = createRealtimeClient({
        baseUrl: participant.url,
        token: () => participant.token,
      })
      client.app = socket
      socket.on('session:progress', (event) => {
        for (const update of event.updates) {
          if (update.userId !== participant.userId)
            record(`${update.userId}#${update.answeredCount}`)
        }
      })
      socket.once('connect', () => done())
      socket.once('connect_error', (error) => done(error))
    } else if (kind === 'socket.io') {
      const socket = ioClient(participant.url, { transports: ['websocket'], forceNew: true })
      client.sio = socket
      socket.on('b', (message: { key: string; from: number }) => {
        if (message.from !== participant.index) record(message.key)
      })
      socket.once('connect', () => done())
      socket.once('connect_error', (error) => done(error))
    } else {
      const socket = new WebSocket(participant.url, { perMessageDeflate: false })
      client.ws = socket
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { t: string; key: string; from: number }
        if (message.t === 'b' && message.from !== participant.index) record(message.key)
      })
      socket.once('open', () => done())
      socket.once('error', (error) => done(error))
    }
  })
}

/** Sends one answer or message and resolves when the server acknowledged it. */
async function sendOne(send: Send): Promise<void> {
  const client = byIndex.get(send.participant)
  if (!client) throw new Error(`participant ${send.participant} is not in this worker`)
  const sentAt = now()
  const entry: [number, number, boolean] = [sentAt, 0, false]
  sent.set(send.key, entry)
  if (client.app) {
    const attemptId = send.sessionId ? client.participant.attempts[send.sessionId] : undefined
    if (!attemptId || !send.questionId || send.response === undefined) {
      throw new Error('an app answer needs a session, a question and a response')
    }
    const ack = await client.app.emitWithAck('answer:submit', {
      attemptId,
      clientAnswerId: `bench-${send.key}`,
      questionId: send.questionId,
      response: send.response,
    })
    entry[1] = now()
    entry[2] = ack.ok
    if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`)
  } else if (client.sio) {
    await client.sio.timeout(60_000).emitWithAck('a', { key: send.key, from: send.participant })
    entry[1] = now()
    entry[2] = true
  } else if (client.ws) {
    const socket = client.ws
    await new Promise<void>((resolve) => {
      const onMessage = (data: WebSocket.RawData) => {
        const message = JSON.parse(String(data)) as { t: string; key: string }
        if (message.t === 'ack' && message.key === send.key) {
          socket.off('message', onMessage)
          resolve()
        }
      }
      socket.on('message', onMessage)
      socket.send(JSON.stringify({ t: 'a', key: send.key, from: send.participant }))
    })
    entry[1] = now()
    entry[2] = true
  }
}

/** A message the reference servers broadcast to everyone (no ack): the latency probe. */
function broadcastOne(send: Send) {
  const client = byIndex.get(send.participant)
  if (!client) throw new Error(`participant ${send.participant} is not in this worker`)
  sent.set(send.key, [now(), 0, true])
  if (client.sio) client.sio.emit('b', { key: send.key, from: send.participant })
  else client.ws?.send(JSON.stringify({ t: 'b', key: send.key, from: send.participant }))
}

port.on('message', async (message: ToWorker) => {
  switch (message.type) {
    case 'connect': {
      kind = message.kind
      const result = await pooled(message.participants, message.concurrency, connectOne)
      reply({ type: 'connected', ...result })
      break
    }
    case 'watch': {
      const result = await pooled(clients, 100, async (client) => {
        if (!client.app) throw new Error('only app clients watch')
        const ack = await client.app.emitWithAck('session:watch', {
          groupId: message.groupId,
          sessionId: message.sessionId,
        })
        if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`)
      })
      reply({ type: 'watched', ...result })
      break
    }
    case 'send': {
      for (const send of message.sends) {
        if (kind === 'app') void sendOne(send).catch(() => {})
        else broadcastOne(send)
      }
      reply({ type: 'sent' })
      break
    }
    case 'track':
      tracking = message.on
      break
    case 'closed-loop': {
      const result = await pooled(message.sends, message.sends.length, async (sends) => {
        for (const send of sends) {
          if (now() > message.untilMs) break
          await sendOne(send)
        }
      })
      reply({ type: 'closed-loop-done', ...result })
      break
    }
    case 'collect': {
      const cpu = process.threadCpuUsage(cpuMark)
      cpuMark = process.threadCpuUsage()
      const loop = performance.eventLoopUtilization(loopMark)
      loopMark = performance.eventLoopUtilization()
      const data: Collected = {
        received: [...received].map(([key, [count, lastAt]]) => [key, count, lastAt]),
        sent: [...sent].map(([key, [sentAt, ackedAt, ok]]) => [key, sentAt, ackedAt, ok]),
        events,
        cpu: { userUs: cpu.user, systemUs: cpu.system },
        loopUtilization: loop.utilization,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      }
      loopDelay.reset()
      received = new Map()
      sent = new Map()
      events = 0
      reply({ type: 'collected', data })
      break
    }
    case 'close': {
      for (const client of clients) {
        client.app?.disconnect()
        client.sio?.disconnect()
        client.ws?.close()
      }
      clients.length = 0
      byIndex.clear()
      reply({ type: 'closed' })
      break
    }
  }
})
