import { createByCode } from './by-code.ts'
import { createAnswerDistribution } from './distribution.ts'
import { createEditing } from './editing.ts'
import { createLifecycle } from './lifecycle.ts'
import { createListing } from './listing.ts'
import { createLive, type LiveDeps } from './live.ts'
import { createNextStart } from './next-start.ts'
import { createParticipation } from './participation.ts'
import { createResults } from './results.ts'
import { createSchedulerHandlers } from './scheduler.ts'
import { createSchedulingOperations } from './scheduling.ts'
import { createSessionContext, type SessionsServiceDeps } from './session-context.ts'

export type { LiveDeps } from './live.ts'
export type {
  SessionChangeListener,
  SessionsServiceDeps,
  SessionTimers,
} from './session-context.ts'

/**
 * Group sessions, one concern per file: creating (scheduling.ts), editing and cancelling with
 * series scopes (editing.ts), approval, start, end and late window (lifecycle.ts), taking part
 * (participation.ts), live play (live.ts), results (results.ts), reading (listing.ts) and the job handlers
 * (scheduler.ts), all over one shared context.
 */
export function createSessionsService(deps: SessionsServiceDeps, liveDeps: LiveDeps) {
  const ctx = createSessionContext(deps)
  const lifecycle = createLifecycle(ctx)
  const live = createLive(ctx, liveDeps)
  const participation = createParticipation(ctx, live, liveDeps.onStale)
  const { expireIfDue: _expireIfDue, ...lifecycleActions } = lifecycle
  return {
    ...createSchedulingOperations(ctx),
    ...createEditing(ctx),
    ...lifecycleActions,
    ...participation,
    ...live,
    ...createResults(ctx, participation),
    ...createListing(ctx),
    ...createByCode(ctx),
    ...createAnswerDistribution(ctx),
    ...createNextStart(ctx),
    ...createSchedulerHandlers(ctx, lifecycle),
  }
}

export type SessionsService = ReturnType<typeof createSessionsService>
