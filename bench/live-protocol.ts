/** Messages between `bench:live`, its load-generator threads and the processes it forks. */

/** What a forked server process says about itself. */
export interface ProcessStats {
  heapUsed: number
  rss: number
  loopDelayMs: { p50: number; p99: number; max: number }
  cpu: NodeJS.CpuUsage
  gcExposed: boolean
}

/** Which server the load generator talks to. */
export type TargetKind = 'app' | 'socket.io' | 'ws'

/** One simulated participant. */
export interface Participant {
  index: number
  userId: string
  /** Bearer token (app only). */
  token: string
  /** Attempt ids by session id (app only). */
  attempts: Record<string, string>
  /** Origin of the node this participant connects to. */
  url: string
}

/** One answer (app) or message (references) to send now. */
export interface Send {
  participant: number
  /** The update key that shows it arrived: `${userId}#${answeredCount}` (app) or the seq (references). */
  key: string
  /** App only. */
  sessionId?: string
  questionId?: string
  response?: boolean
}

export type ToWorker =
  | { type: 'connect'; kind: TargetKind; participants: Participant[]; concurrency: number }
  | { type: 'watch'; groupId: string; sessionId: string }
  | { type: 'send'; sends: Send[] }
  | { type: 'track'; on: boolean }
  /**
   * Each participant sends its sends one after the other, the next once the last is acked, and
   * starts none after `untilMs` (generator clock).
   */
  | { type: 'closed-loop'; sends: Send[][]; untilMs: number }
  | { type: 'collect' }
  | { type: 'close' }

export interface Collected {
  /** Per key: how many of this worker's sockets (other than the sender's) got it, and the last time. */
  received: Array<[key: string, count: number, lastAt: number]>
  /** Per key this worker sent: send time and ack time (0 if none). */
  sent: Array<[key: string, sentAt: number, ackedAt: number, ok: boolean]>
  /** Events received since the last collect (all kinds), and bytes of their payloads where known. */
  events: number
  cpu: { userUs: number; systemUs: number } | null
  loopUtilization: number
  loopDelayP99Ms: number
}

export type FromWorker =
  | { type: 'connected'; ok: number; failed: number; firstError: string | null }
  | { type: 'watched'; ok: number; failed: number; firstError: string | null }
  | { type: 'sent' }
  | { type: 'closed-loop-done'; ok: number; failed: number; firstError: string | null }
  | { type: 'collected'; data: Collected }
  | { type: 'closed' }
