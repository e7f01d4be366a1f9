import type { GroupSession, SeriesScope, UpdateSessionBody } from '@loopquiz/contract'
import { sessionRulesFor } from '../../domain/permissions.ts'
import { ruleAfterSkipping, ruleEndingBefore, shiftWallClock } from '../../domain/recurrence.ts'
import { nextStatus, refusalMessage, type SessionEvent } from '../../domain/session-state.ts'
import { AppError } from '../../lib/app-error.ts'
import { MINUTE, type SessionContext, type Viewer } from './session-context.ts'
import type { NewSessionRow, SessionRow } from './sessions.repository.ts'

/** An occurrence's place in its series' rule (its planned start for sessions made before it was kept). */
function placeOf(row: SessionRow): number {
  return (row.occurrenceStart ?? row.scheduledAt ?? row.createdAt).getTime()
}

function byPlace(a: SessionRow, b: SessionRow) {
  return placeOf(a) - placeOf(b)
}

/**
 * Editing and cancelling, for one session or, in a recurring series, "this", "this and
 * following" or "all", as calendars ask. A new time for several occurrences re-bases the series
 * on the first of them: the earlier occurrences keep the old rule, cut just before it.
 */
export function createEditing(ctx: SessionContext) {
  const { sessions, timers, now } = ctx

  function assertAllowed(row: SessionRow, event: SessionEvent) {
    if (nextStatus(row.status, event) === null) {
      throw new AppError('ILLEGAL_TRANSITION', { message: refusalMessage(row.status, event) })
    }
  }

  /** The series' occurrences a scope covers that `event` may still change, by place. */
  async function inScope(row: SessionRow, scope: SeriesScope, event: SessionEvent) {
    if (!row.seriesId || scope === 'this') return { series: [row], targets: [row] }
    const series = (await sessions.findSeriesOccurrences(row.seriesId)).sort(byPlace)
    const targets = series.filter(
      (other) =>
        nextStatus(other.status, event) !== null &&
        (scope === 'all' || placeOf(other) >= placeOf(row)),
    )
    return { series, targets }
  }

  async function update(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
    body: UpdateSessionBody,
  ): Promise<GroupSession> {
    const found = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'edit')
    const { row, group, role } = found
    assertAllowed(row, 'reschedule')
    const newStart = body.scheduledAt ? new Date(body.scheduledAt) : row.scheduledAt
    const duration = body.durationMinutes ?? row.durationMinutes
    const moved =
      newStart !== null &&
      row.scheduledAt !== null &&
      newStart.getTime() !== row.scheduledAt.getTime()
    const timeChanged = moved || duration !== row.durationMinutes
    const rules = sessionRulesFor(role, group.settings, 'reschedule')
    // An approved session whose time changes goes back for approval when its editor needs one.
    const event: SessionEvent = timeChanged && rules.needsApproval ? 'resubmit' : 'reschedule'
    const { series, targets } = await inScope(row, body.scope, 'reschedule')

    const startOf = (target: SessionRow): Date | null => {
      if (!moved || !target.scheduledAt || !row.scheduledAt || !newStart) return target.scheduledAt
      if (target.id === row.id) return newStart
      return shiftWallClock(target.scheduledAt, row.scheduledAt, newStart, group.timezone)
    }
    if (timeChanged) {
      for (const target of targets) {
        const startsAt = startOf(target)
        if (startsAt) ctx.assertScheduleAllowed(group, rules, startsAt, duration)
      }
    }

    // Moving several occurrences of a series: from the first of them on, the rule starts anew.
    const rebase = moved && body.scope !== 'this' && row.seriesId && row.recurrenceRule
    const first = targets[0]
    const seriesChanges = new Map<string, Partial<NewSessionRow>>()
    if (rebase && first && row.scheduledAt && newStart && row.recurrenceRule) {
      const before = series.filter((other) => placeOf(other) < placeOf(first))
      const rule =
        before.length === 0
          ? row.recurrenceRule
          : ruleAfterSkipping(row.recurrenceRule, before.length)
      const cutRule = ruleEndingBefore(row.recurrenceRule, new Date(placeOf(first)))
      for (const other of before) seriesChanges.set(other.id, { recurrenceRule: cutRule })
      for (const other of series.filter((s) => placeOf(s) >= placeOf(first))) {
        seriesChanges.set(other.id, {
          seriesId: first.id,
          recurrenceRule: rule,
          occurrenceStart: shiftWallClock(
            new Date(placeOf(other)),
            row.scheduledAt,
            newStart,
            group.timezone,
          ),
        })
      }
    }

    const updated = await sessions.transaction(async (tx) => {
      for (const [id, changes] of seriesChanges) {
        if (!targets.some((target) => target.id === id)) await tx.updateSessionFields(id, changes)
      }
      const done: SessionRow[] = []
      for (const target of targets) {
        const startsAt = startOf(target)
        const result = await tx.transition(target.id, event, {
          ...seriesChanges.get(target.id),
          ...(body.title === undefined ? {} : { title: body.title }),
          ...(body.description === undefined ? {} : { description: body.description }),
          ...(body.mode === undefined ? {} : { mode: body.mode }),
          ...(body.options === undefined ? {} : { options: body.options }),
          scheduledAt: startsAt,
          durationMinutes: duration,
          endsAt: startsAt ? new Date(startsAt.getTime() + duration * MINUTE) : target.endsAt,
          // Calendar clients replace an event only when its SEQUENCE grows.
          icsSequence: target.icsSequence + 1,
          ...(timeChanged ? { remindedAt: null } : {}),
          ...(event === 'resubmit' ? { status: 'pending_approval', approvedBy: null } : {}),
        })
        if (result) done.push(result)
        else if (target.id === row.id) {
          const current = (await tx.findSessionById(row.id)) ?? row
          throw new AppError('ILLEGAL_TRANSITION', {
            message: refusalMessage(current.status, 'reschedule'),
          })
        }
      }
      return done
    })
    for (const session of updated) {
      ctx.changed(event, session, viewer.id)
      if (timeChanged) await timers.plan(session)
    }
    const edited = updated.find((session) => session.id === row.id)
    if (!edited) throw new Error('the edited session was not updated')
    return ctx.toSession(edited, viewer, found)
  }

  async function cancel(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
    scope: SeriesScope,
  ): Promise<GroupSession> {
    const found = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'cancel')
    const { row } = found
    assertAllowed(row, 'cancel')
    const at = now()
    const cancellationOf = (target: SessionRow) => ({
      status: 'cancelled' as const,
      cancelledAt: at,
      icsSequence: target.icsSequence + 1,
    })
    if (!row.seriesId || !row.recurrenceRule || scope === 'this') {
      const cancelled = await ctx.applyEvent(row, 'cancel', cancellationOf(row), {
        actorId: viewer.id,
      })
      return ctx.toSession(cancelled, viewer, found)
    }
    const { series, targets } = await inScope(row, scope, 'cancel')
    const first = targets[0] ?? row
    // The rule ends before the first cancelled occurrence, so the series stops growing too.
    const cutRule = ruleEndingBefore(row.recurrenceRule, new Date(placeOf(first)))
    const cancelled = await sessions.transaction(async (tx) => {
      await tx.updateSeriesOf(
        series.map((other) => other.id),
        { recurrenceRule: cutRule },
      )
      const done: SessionRow[] = []
      for (const target of targets) {
        const result = await tx.transition(target.id, 'cancel', cancellationOf(target))
        if (result) done.push(result)
        else if (target.id === row.id) {
          // Raced by another change: nothing of this cancellation takes effect.
          const current = (await tx.findSessionById(row.id)) ?? row
          throw new AppError('ILLEGAL_TRANSITION', {
            message: refusalMessage(current.status, 'cancel'),
          })
        }
      }
      return done
    })
    for (const session of cancelled) ctx.changed('cancel', session, viewer.id)
    const edited = cancelled.find((session) => session.id === row.id)
    if (!edited) throw new Error('the cancelled session was not updated')
    return ctx.toSession(edited, viewer, found)
  }

  return { update, cancel }
}
