import type { GroupSession } from '@loopquiz/contract'
import { instantToWallTime, type WallTime, wallTimeToInstant } from '../../../lib/zoned-time'

const HOUR_MS = 3_600_000
const FIVE_MINUTES_MS = 300_000

/** Where the late-window fields start: the current window, else an hour from now on a round minute. */
export function suggestedLateUntil(session: GroupSession, now = Date.now()): WallTime {
  const current = session.lateUntil ? new Date(session.lateUntil).getTime() : 0
  const at =
    current > now ? current : Math.ceil((now + HOUR_MS) / FIVE_MINUTES_MS) * FIVE_MINUTES_MS
  return instantToWallTime(new Date(at), session.groupTimezone)
}

/** The late window's end as an instant, or why it cannot be one. */
export function parseLateUntil(
  when: WallTime,
  timeZone: string,
  now = Date.now(),
): { instant: Date; error?: undefined } | { instant?: undefined; error: string } {
  const instant = wallTimeToInstant(when, timeZone)
  if (instant === null) return { error: 'Pick a date and a time.' }
  if (instant.getTime() <= now) return { error: 'Pick a time in the future.' }
  return { instant }
}

/** Whether late answers are taken now: the host opened a window and it has not run out. */
export function isLateWindowOpen(session: Pick<GroupSession, 'lateUntil'>, now = Date.now()) {
  return session.lateUntil !== null && new Date(session.lateUntil).getTime() > now
}
