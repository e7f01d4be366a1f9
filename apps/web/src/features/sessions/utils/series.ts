import type { GroupSession } from '@loopquiz/contract'
import { describeFrequency } from './recurrence'

/** A series at a glance, as a list with collapsed series gives it on the series' row. */
export type Series = NonNullable<GroupSession['series']>

/** "Weekly on Tue · 3 of 8 upcoming": how often, and how much of it is still to come. */
export function describeSeries(
  session: Pick<GroupSession, 'recurrenceRule'>,
  series: Series,
): string {
  const frequency = session.recurrenceRule ? describeFrequency(session.recurrenceRule) : 'Repeats'
  const progress =
    series.upcomingCount > 0
      ? `${series.upcomingCount} of ${series.occurrenceCount} upcoming`
      : `none upcoming of ${series.occurrenceCount}`
  return `${frequency} · ${progress}`
}
