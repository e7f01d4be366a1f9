/**
 * The server under test of `bench:live`, as the bench forks it: the real apps/server entry, plus
 * an IPC channel that answers the bench's questions about this process (V8 heap after a full
 * collection, RSS, event-loop delay). Nothing of this is in the production server: the channel
 * exists only because the bench started the process with `fork` and `--expose-gc`.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { ProcessStats } from './live-protocol.ts'

const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
const gc = (globalThis as { gc?: () => void }).gc

process.on('message', (message: { type: string; id: number }) => {
  if (message.type === 'reset-loop-delay') {
    loopDelay.reset()
    process.send?.({ id: message.id })
    return
  }
  if (message.type !== 'stats') return
  // Twice: the first pass may only queue finalizers that free more on the second.
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
  process.send?.({ id: message.id, stats })
})

await import(process.env.BENCH_SERVER_ENTRY ?? '../apps/server/src/server.ts')
