import type { GroupSession, LateWindowBody } from '@loopquiz/contract'
import { sessionRulesFor } from '../../domain/permissions.ts'
import { refusalMessage } from '../../domain/session-state.ts'
import { AppError } from '../../lib/app-error.ts'
import { MINUTE, type SessionContext, type Viewer } from './session-context.ts'
import type { SessionRow } from './sessions.repository.ts'

/** The longest a host may keep taking late answers after a session's end. */
const MAX_LATE_WINDOW_MS = 30 * 24 * 60 * MINUTE

/**
 * A session's life after creation: approval or rejection of a request, starting early, ending,
 * and the late window. Who may do what is in domain/permissions; which states allow it in
 * domain/session-state.
 */
export function createLifecycle(ctx: SessionContext) {
  const { sessions, timers, now } = ctx

  /**
   * A series is requested as a whole: approving or turning down one of its waiting occurrences
   * decides its other waiting ones too.
   */
  async function othersWaitingInSeries(row: SessionRow): Promise<SessionRow[]> {
    if (!row.seriesId) return []
    const series = await sessions.findSeriesOccurrences(row.seriesId)
    return series.filter((other) => other.id !== row.id && other.status === 'pending_approval')
  }

  async function refuse(row: SessionRow, event: 'approve' | 'reject'): Promise<never> {
    const current = (await sessions.findSessionById(row.id)) ?? row
    throw new AppError('ILLEGAL_TRANSITION', { message: refusalMessage(current.status, event) })
  }

  async function approve(groupId: string, sessionId: string, viewer: Viewer) {
    const found = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'approve')
    const changes = { status: 'scheduled' as const, approvedBy: viewer.id }
    // A request whose start has passed expires rather than becoming a session that starts now.
    const notYet = { column: 'scheduledAt' as const, at: now() }
    const approved = await sessions.transition(found.row.id, 'approve', changes, undefined, notYet)
    if (!approved) {
      if (await expireIfDue(found.row.id)) {
        throw new AppError('ILLEGAL_TRANSITION', {
          message:
            'Its start time passed before anyone approved it, so it was cancelled (not approved in time). Ask for a new time.',
        })
      }
      return refuse(found.row, 'approve')
    }
    const decided = [approved]
    for (const row of await othersWaitingInSeries(found.row)) {
      const other = await sessions.transition(row.id, 'approve', changes, undefined, notYet)
      if (other) decided.push(other)
    }
    for (const row of decided) {
      ctx.changed('approve', row, viewer.id)
      await timers.plan(row)
    }
    return ctx.toSession(approved, viewer, found)
  }

  async function reject(groupId: string, sessionId: string, viewer: Viewer) {
    const found = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'approve')
    const rejectionOf = (row: SessionRow) => ({
      status: 'cancelled' as const,
      cancelledAt: now(),
      cancelReason: 'rejected',
      icsSequence: row.icsSequence + 1,
    })
    const rejected = await sessions.transition(found.row.id, 'reject', rejectionOf(found.row))
    if (!rejected) return refuse(found.row, 'reject')
    ctx.changed('reject', rejected, viewer.id)
    for (const row of await othersWaitingInSeries(found.row)) {
      const other = await sessions.transition(row.id, 'reject', rejectionOf(row))
      if (other) ctx.changed('reject', other, viewer.id)
    }
    return ctx.toSession(rejected, viewer, found)
  }

  /** Cancels a request still waiting when its start time came. Null when it is not such a one. */
  async function expireIfDue(sessionId: string): Promise<SessionRow | null> {
    const at = now()
    const expired = await sessions.transition(
      sessionId,
      'expire',
      { status: 'cancelled', cancelledAt: at, cancelReason: 'not_approved_in_time' },
      { column: 'scheduledAt', at },
    )
    if (expired) ctx.changed('expire', expired)
    return expired
  }

  async function start(groupId: string, sessionId: string, viewer: Viewer) {
    const found = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'start')
    const { row, group, role } = found
    const rules = sessionRulesFor(role, group.settings, 'start_early')
    if (rules.needsApproval) {
      throw new AppError('APPROVAL_REQUIRED', {
        message:
          'In this group an owner or admin approves sessions by members: ask one of them to start it early, or let it start at its planned time.',
      })
    }
    ctx.assertStartNowAllowed(group, rules, row.durationMinutes)
    const at = now()
    const updated = await ctx.applyEvent(
      row,
      'start',
      {
        status: 'active',
        startedAt: at,
        endsAt: new Date(at.getTime() + row.durationMinutes * MINUTE),
      },
      { actorId: viewer.id },
    )
    await timers.plan(updated)
    return ctx.toSession(updated, viewer, found)
  }

  async function end(groupId: string, sessionId: string, viewer: Viewer) {
    const found = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'end')
    const updated = await ctx.applyEvent(
      found.row,
      'complete',
      { status: 'completed', completedAt: now() },
      { actorId: viewer.id },
    )
    return ctx.toSession(updated, viewer, found)
  }

  async function setLateWindow(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
    body: LateWindowBody,
  ): Promise<GroupSession> {
    const found = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'end')
    const lateUntil = body.lateUntil === null ? null : new Date(body.lateUntil)
    if (lateUntil) {
      const at = now()
      const invalid = (message: string) =>
        new AppError('VALIDATION_FAILED', {
          message: `body.lateUntil: ${message}`,
          details: [{ path: 'body.lateUntil', message }],
        })
      if (lateUntil.getTime() <= at.getTime()) throw invalid('must be in the future')
      const end = found.row.completedAt ?? found.row.endsAt ?? at
      if (lateUntil.getTime() <= end.getTime()) throw invalid('must be after the session ends')
      if (lateUntil.getTime() > Math.max(end.getTime(), at.getTime()) + MAX_LATE_WINDOW_MS)
        throw invalid('can be at most 30 days after the session ends')
    }
    const updated = await sessions.setLateWindow(found.row.id, lateUntil, [
      'pending_approval',
      'scheduled',
      'active',
      'completed',
    ])
    if (!updated) {
      throw new AppError('ILLEGAL_TRANSITION', {
        message: 'This session was cancelled, so it takes no answers, late or not.',
      })
    }
    // Pages showing the session learn that it takes (or no longer takes) late answers.
    ctx.changed('late_window', updated)
    return ctx.toSession(updated, viewer, found)
  }

  return { approve, reject, start, end, setLateWindow, expireIfDue }
}
