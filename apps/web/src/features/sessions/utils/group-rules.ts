import type { GroupSettings, TimeSlot } from '@loopquiz/contract'
import { weekdaysFromMonday } from './recurrence'

function describeDays(days: number[] | undefined): string {
  if (!days || days.length === 0 || days.length === 7) return 'Every day'
  return weekdaysFromMonday
    .filter((day) => days.includes(day.value))
    .map((day) => day.short)
    .join(', ')
}

/** "Mon, Tue 09:00–17:00". */
export function describeSlot(slot: TimeSlot): string {
  return `${describeDays(slot.days)} ${slot.start}–${slot.end}`
}

/** The group's scheduling rules as short sentences, for people about to schedule. */
export function describeScheduleRules(settings: GroupSettings): {
  notice: string
  slots: string[]
} {
  const hours = settings.advance_notice_hours
  return {
    notice:
      hours === 0
        ? 'No advance notice needed'
        : `Start at least ${hours} ${hours === 1 ? 'hour' : 'hours'} from now`,
    slots: (settings.allowed_time_slots ?? []).map(describeSlot),
  }
}
