import type { NextStart } from '@loopquiz/contract'
import { can, sessionRulesFor } from '../../domain/permissions.ts'
import { describeSlots, nextAllowedStart } from '../../domain/time-slots.ts'
import { AppError } from '../../lib/app-error.ts'
import { MINUTE, type SessionContext, type Viewer } from './session-context.ts'

/**
 * Time a person needs to finish the schedule form after the proposal is shown: the proposal is
 * this much later than the rules alone require, so it is still accepted when they submit.
 */
export const FORM_LEAD_MINUTES = 5

/** Proposing a start for a new session: the earliest one the group's rules accept. */
export function createNextStart(ctx: SessionContext) {
  async function nextStart(
    groupId: string,
    viewer: Viewer,
    durationMinutes: number,
  ): Promise<NextStart> {
    const { group, actor, role } = await ctx.access(groupId, viewer)
    if (!can(actor, 'schedule_session', group)) {
      throw new AppError('FORBIDDEN', { message: 'This group does not let you schedule sessions.' })
    }
    const rules = sessionRulesFor(role, group.settings, 'schedule')
    const startsAt = nextAllowedStart({
      now: new Date(ctx.now().getTime() + FORM_LEAD_MINUTES * MINUTE),
      durationMinutes,
      timeZone: group.timezone,
      settings: group.settings,
      appliesNotice: rules.checkNotice,
      appliesSlots: rules.checkSlots,
    })
    if (startsAt) return { startsAt: startsAt.toISOString() }
    const slots = group.settings.allowed_time_slots ?? []
    return {
      startsAt: null,
      reason: `A ${durationMinutes}-minute session fits none of this group's allowed times (${describeSlots(slots)}, ${group.timezone}) in the next two years. Choose a shorter duration, or ask an admin to widen the allowed times.`,
    }
  }

  return { nextStart }
}
