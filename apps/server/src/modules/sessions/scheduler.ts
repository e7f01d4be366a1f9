import { sessionRulesFor } from '../../domain/permissions.ts'
import { occurrencesBetween } from '../../domain/recurrence.ts'
import { checkScheduleTime } from '../../domain/time-slots.ts'
import type { createLifecycle } from './lifecycle.ts'
import { MAX_OCCURRENCES_AT_ONCE, MINUTE, type SessionContext } from './session-context.ts'
import type { NewSessionRow, SessionRow } from './sessions.repository.ts'

/**
 * What the job queue runs. The state and the time are checked in the same conditional update,
 * so a job that runs twice, late, or after a reschedule changes nothing.
 */
export function createSchedulerHandlers(
  ctx: SessionContext,
  lifecycle: ReturnType<typeof createLifecycle>,
) {
  const { sessions, groups, timers, now, changed } = ctx

  async function applyWhenDue(
    sessionId: string,
    event: 'start' | 'complete',
    changes: Partial<NewSessionRow>,
    column: 'scheduledAt' | 'endsAt',
  ): Promise<SessionRow | null> {
    const updated = await sessions.transition(sessionId, event, changes, { column, at: now() })
    if (updated) changed(event, updated)
    return updated
  }

  /** At a session's start: a scheduled one starts; a request still waiting expires. */
  async function startDue(sessionId: string): Promise<SessionRow | null> {
    const started = await applyWhenDue(
      sessionId,
      'start',
      { status: 'active', startedAt: now() },
      'scheduledAt',
    )
    return started ?? lifecycle.expireIfDue(sessionId)
  }

  async function completeDue(sessionId: string): Promise<SessionRow | null> {
    return applyWhenDue(
      sessionId,
      'complete',
      { status: 'completed', completedAt: now() },
      'endsAt',
    )
  }

  async function remind(sessionId: string): Promise<SessionRow | null> {
    const reminded = await sessions.markReminded(sessionId)
    if (reminded) changed('remind', reminded)
    return reminded
  }

  /** The next occurrences of one series up to the horizon, as the group's rules are now. */
  async function nextOccurrences(last: SessionRow, horizon: Date): Promise<NewSessionRow[]> {
    const head = last.seriesId ? await sessions.findSessionById(last.seriesId) : null
    const group = await groups.findGroupRow(last.groupId)
    const firstStart = head?.occurrenceStart ?? head?.scheduledAt
    const lastPlace = last.occurrenceStart ?? last.scheduledAt
    if (!group || !firstStart || !lastPlace || !last.recurrenceRule) return []
    // A series whose creator left the group ends with their membership.
    const creatorRole = await groups.roleOf(group.id, last.createdBy)
    if (!creatorRole) return []
    const starts = occurrencesBetween({
      rule: last.recurrenceRule,
      firstStartsAt: firstStart,
      timeZone: group.timezone,
      from: new Date(lastPlace.getTime() + 1),
      to: horizon,
      limit: MAX_OCCURRENCES_AT_ONCE,
    })
    const rules = sessionRulesFor(creatorRole, group.settings, 'series_extension')
    // The series' approval carries over; without one, new occurrences wait like the series did.
    const approved = !rules.needsApproval || last.approvedBy !== null
    const at = now()
    const {
      id: _id,
      // Each occurrence is a session of its own, with its own short join code.
      joinSeq: _joinSeq,
      createdAt: _createdAt,
      updatedAt: _updatedAt,
      questionsData,
      ...template
    } = last
    return starts.map((startsAt) => {
      const problem = checkScheduleTime({
        startsAt,
        durationMinutes: last.durationMinutes,
        now: at,
        timeZone: group.timezone,
        settings: {
          advance_notice_hours: 0,
          allowed_time_slots: rules.checkSlots ? group.settings.allowed_time_slots : undefined,
        },
      })
      return {
        ...template,
        questionsData,
        status: problem ? 'cancelled' : approved ? 'scheduled' : 'pending_approval',
        cancelReason: problem ? 'outside_allowed_times' : null,
        cancelledAt: problem ? at : null,
        approvedBy: approved ? last.approvedBy : null,
        scheduledAt: startsAt,
        occurrenceStart: startsAt,
        endsAt: new Date(startsAt.getTime() + last.durationMinutes * MINUTE),
        startedAt: null,
        completedAt: null,
        remindedAt: null,
        lateUntil: null,
        icsSequence: 0,
      }
    })
  }

  /** Keeps each open-ended recurring series materialised up to the horizon. */
  async function extendSeries(): Promise<number> {
    const horizon = new Date(now().getTime() + ctx.horizonMs)
    let added = 0
    for (const last of await sessions.findSeriesEndingBefore(horizon)) {
      const next = await nextOccurrences(last, horizon)
      if (next.length === 0) continue
      const rows = await sessions.insertSessions(next)
      for (const row of rows) {
        changed('create', row)
        await timers.plan(row)
      }
      added += rows.length
    }
    return added
  }

  /** Catches what a lost job would have missed. */
  async function sweep(): Promise<{ started: number; completed: number }> {
    const due = await sessions.findDue(now())
    let started = 0
    let completed = 0
    for (const id of due.toStart) if (await startDue(id)) started++
    for (const id of due.toComplete) if (await completeDue(id)) completed++
    return { started, completed }
  }

  return { startDue, completeDue, remind, extendSeries, sweep }
}
