import type { FastifyBaseLogger } from 'fastify'
import type { JobQueue } from '../../plugins/jobs.ts'
import type { SessionTimers } from './session-context.ts'
import type { SessionRow } from './sessions.repository.ts'
import type { SessionsService } from './sessions.service.ts'

/**
 * Start, end and reminder of each session as delayed jobs. Keys carry the planned time,
 * so rescheduling adds new jobs and the old ones find nothing left to do.
 */
export function createSessionTimers(queue: JobQueue, reminderLeadMs: number): SessionTimers {
  return {
    async plan(session: SessionRow) {
      const id = session.id
      const waiting = session.status === 'scheduled' || session.status === 'pending_approval'
      if (waiting && session.scheduledAt) {
        // At its start a scheduled session starts and a request still waiting expires.
        const startAt = session.scheduledAt
        await queue.schedule(
          'session.start',
          { sessionId: id },
          { runAt: startAt, key: `start:${id}:${startAt.toISOString()}` },
        )
      }
      if (session.status === 'scheduled' && session.scheduledAt) {
        const startAt = session.scheduledAt
        const remindAt = new Date(startAt.getTime() - reminderLeadMs)
        if (remindAt.getTime() > Date.now()) {
          await queue.schedule(
            'session.remind',
            { sessionId: id },
            { runAt: remindAt, key: `remind:${id}:${startAt.toISOString()}` },
          )
        }
      }
      if (session.endsAt && (session.status === 'scheduled' || session.status === 'active')) {
        const endAt = session.endsAt
        await queue.schedule(
          'session.complete',
          { sessionId: id },
          { runAt: endAt, key: `complete:${id}:${endAt.toISOString()}` },
        )
      }
    },
  }
}

/**
 * The durable backstop of a live question's lock (the node that opened it also runs a timer).
 * Keyed by the state's version: every opening (a question, a resume) gets a job of its own.
 */
export function createLiveLockScheduler(queue: JobQueue) {
  return (sessionId: string, deadline: Date, version: number) =>
    queue.schedule(
      'session.live_lock',
      { sessionId, version },
      { runAt: deadline, key: `live_lock:${sessionId}:${version}` },
    )
}

/**
 * This node's workers for session jobs, plus a once-a-minute sweep that catches anything a
 * lost job would have missed. Every handler is a conditional update: running twice is harmless.
 */
export async function registerSessionWorkers(
  queue: JobQueue,
  sessions: SessionsService,
  log: FastifyBaseLogger,
) {
  await queue.work('session.start', async ({ sessionId }) => {
    const outcome = await sessions.startDue(sessionId)
    if (outcome?.status === 'active') log.info({ sessionId }, 'session started on schedule')
    if (outcome?.status === 'cancelled') log.info({ sessionId }, 'session not approved in time')
  })
  await queue.work('session.complete', async ({ sessionId }) => {
    const completed = await sessions.completeDue(sessionId)
    if (completed) log.info({ sessionId }, 'session completed on schedule')
  })
  await queue.work('session.live_lock', async ({ sessionId, version }) => {
    const outcome = await sessions.lockDue(sessionId, version)
    // The queue's clock ran ahead of the app's: failing makes pg-boss retry a moment later.
    if (outcome === 'early') throw new Error('live question not due yet')
    if (outcome) log.info({ sessionId, version }, 'live question locked by its job')
  })
  await queue.work('session.remind', async ({ sessionId }) => {
    const reminded = await sessions.remind(sessionId)
    // Notifications (in-app, e-mail, extension) attach here.
    if (reminded) log.info({ sessionId }, 'session starting soon')
  })
  await queue.every('sessions.sweep', '* * * * *', async () => {
    const { started, completed } = await sessions.sweep()
    if (started + completed > 0) log.info({ started, completed }, 'session sweep caught up')
    const added = await sessions.extendSeries()
    if (added > 0) log.info({ added }, 'recurring series extended')
  })
}
