export const weekdays = [
  { value: 0, code: 'SU', short: 'Sun', long: 'Sunday' },
  { value: 1, code: 'MO', short: 'Mon', long: 'Monday' },
  { value: 2, code: 'TU', short: 'Tue', long: 'Tuesday' },
  { value: 3, code: 'WE', short: 'Wed', long: 'Wednesday' },
  { value: 4, code: 'TH', short: 'Thu', long: 'Thursday' },
  { value: 5, code: 'FR', short: 'Fri', long: 'Friday' },
  { value: 6, code: 'SA', short: 'Sat', long: 'Saturday' },
] as const

/** Weekdays in week order starting on Monday, as people read them. */
export const weekdaysFromMonday = [...weekdays.slice(1), weekdays[0]]

/** An RFC 5545 rule: "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8" (days 0 = Sunday … 6 = Saturday). */
export function weeklyRule(days: number[], count: number): string {
  const codes = weekdaysFromMonday.filter((day) => days.includes(day.value)).map((d) => d.code)
  return `FREQ=WEEKLY;BYDAY=${codes.join(',')};COUNT=${count}`
}

function partsOf(rule: string): Map<string, string> {
  return new Map(
    rule.split(';').map((part) => {
      const [key = '', value = ''] = part.split('=')
      return [key.toUpperCase(), value] as const
    }),
  )
}

/** How often a rule repeats, without how many times: "Weekly on Tue, Thu"; other rules as they are. */
export function describeFrequency(rule: string): string {
  const parts = partsOf(rule)
  if (parts.get('FREQ') !== 'WEEKLY') return rule
  const days = (parts.get('BYDAY') ?? '')
    .split(',')
    .map((code) => weekdays.find((day) => day.code === code)?.short)
    .filter(Boolean)
  return days.length > 0 ? `Weekly on ${days.join(', ')}` : 'Weekly'
}

/** A weekly rule for people: "Weekly on Tue, Thu · 8 times"; other rules as they are. */
export function describeRule(rule: string): string {
  const parts = partsOf(rule)
  if (parts.get('FREQ') !== 'WEEKLY') return rule
  const count = parts.get('COUNT')
  return [describeFrequency(rule), count ? `${count} times` : null].filter(Boolean).join(' · ')
}

/** How many sessions one weekly series may hold, counting the first. */
export const MAX_OCCURRENCES = 52
