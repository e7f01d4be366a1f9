import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  type ICalCalendar,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator'
import { DateTime, IANAZone } from 'luxon'
import { tzlib_get_ical_block } from 'timezones-ical-library'

/** A session as a calendar shows it: one event, or a series when it has a recurrence rule. */
export interface CalendarSession {
  /** Stable across every update and the cancel, so calendars replace the event instead of adding one. */
  uid: string
  /** The session's ics_sequence: calendars ignore an update whose sequence is not higher. */
  sequence: number
  title: string
  description: string
  start: Date
  end: Date
  /** IANA zone the session was planned in: a weekly series keeps its local time across DST. */
  timeZone: string
  /** An RFC 5545 RRULE value (`FREQ=WEEKLY;COUNT=4`, no `RRULE:` prefix), or null for one event. */
  rrule: string | null
  url: string
  groupName: string
  /** A cancelled session stays in a feed a while as STATUS:CANCELLED, so calendars drop it. */
  cancelled?: boolean
}

/** The columns of a session row a calendar event is made of. */
export interface CalendarSessionSource {
  id: string
  seriesId: string | null
  icsSequence: number
  title: string
  description: string
  scheduledAt: Date | null
  endsAt: Date | null
  recurrenceRule: string | null
  status: string
}

/**
 * A session row as a calendar event, or null for one without a planned time. `series`: a series
 * is one event with its RRULE and the UID of the whole series, as invitations announce it.
 * `occurrence`: each session row is an event of its own, as feeds and downloads list them.
 */
export function toCalendarSession(
  session: CalendarSessionSource,
  as: 'series' | 'occurrence',
  context: { host: string; url: string; timeZone: string; groupName: string },
): CalendarSession | null {
  if (!session.scheduledAt || !session.endsAt) return null
  const isSeries = as === 'series' && session.seriesId !== null
  return {
    // An occurrence must not take the series' UID (its first occurrence's id is the series id):
    // a calendar would replace the whole series by it, or drop it as a conflicting copy.
    uid:
      as === 'occurrence' && session.seriesId
        ? `occurrence-${session.id}@${context.host}`
        : `session-${session.seriesId ?? session.id}@${context.host}`,
    sequence: session.icsSequence,
    title: session.title,
    description: session.description,
    start: session.scheduledAt,
    end: session.endsAt,
    timeZone: context.timeZone,
    rrule: isSeries ? session.recurrenceRule : null,
    url: context.url,
    groupName: context.groupName,
    cancelled: session.status === 'cancelled',
  }
}

interface Person {
  name: string
  email: string
}

const PROD_ID = { company: 'LoopQuiz', product: 'Sessions', language: 'EN' }

// The rule is copied into the file as it is, so anything but the value's own characters (a line
// break above all) could add properties of its own.
const RRULE_VALUE = /^[A-Z]+=[A-Z0-9,+-]+(;[A-Z]+=[A-Z0-9,+-]+)*$/i

/**
 * An invitation (`REQUEST`) or its withdrawal (`CANCEL`) for one attendee, as an iCalendar text
 * mailed with the notification (iTIP, RFC 5546).
 */
export function sessionInvite(
  method: 'REQUEST' | 'CANCEL',
  session: CalendarSession,
  organizer: Person,
  attendee: Person,
  alarmMinutesBefore?: number,
): string {
  const calendar = newCalendar(
    method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    session.groupName,
  )
  const event = addEvent(calendar, session)
  event.organizer({ name: organizer.name, email: organizer.email })
  event.createAttendee({
    name: attendee.name,
    email: attendee.email,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.NEEDSACTION,
    rsvp: method === 'REQUEST',
  })
  if (method === 'CANCEL') {
    event.status(ICalEventStatus.CANCELLED)
  } else {
    event.status(ICalEventStatus.CONFIRMED)
    if (alarmMinutesBefore !== undefined) {
      event.createAlarm({
        type: ICalAlarmType.display,
        triggerBefore: alarmMinutesBefore * 60,
        description: `${session.title} starts in ${alarmMinutesBefore} min`,
      })
    }
  }
  return calendar.toString()
}

/** A subscribable feed (`PUBLISH`) of sessions: no attendees, so no calendar offers to reply. */
export function calendarFeed(name: string, sessions: CalendarSession[]): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH, name)
  for (const session of sessions) {
    addEvent(calendar, session).status(
      session.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    )
  }
  return calendar.toString()
}

function newCalendar(method: ICalCalendarMethod, name: string): ICalCalendar {
  return ical({
    prodId: PROD_ID,
    method,
    name,
    // Only consulted for zones an event names; every event names its own (or none: UTC).
    timezone: { name: null, generator: vtimezoneOf },
  })
}

function addEvent(calendar: ICalCalendar, session: CalendarSession) {
  if (session.rrule !== null && !RRULE_VALUE.test(session.rrule)) {
    throw new Error(`not an RRULE value: ${JSON.stringify(session.rrule)}`)
  }
  // A zone without a known definition is written in UTC: right for one event, and a series
  // then keeps its UTC time (an hour off after a DST change) rather than breaking the file.
  const timeZone = vtimezoneOf(session.timeZone) === null ? null : session.timeZone
  // ical-generator writes a plain Date's UTC digits even beside a TZID; a zoned luxon time is
  // written as its local time there.
  const at = (date: Date) => (timeZone ? DateTime.fromJSDate(date, { zone: timeZone }) : date)
  return calendar.createEvent({
    id: session.uid,
    sequence: session.sequence,
    start: at(session.start),
    end: at(session.end),
    timezone: timeZone,
    repeating: session.rrule,
    summary: session.title,
    description: session.description,
    url: session.url,
    location: session.url,
  })
}

function vtimezoneOf(timeZone: string): string | null {
  // The library prints a warning for a name it does not know; most such names are not zones.
  if (!IANAZone.isValidZone(timeZone)) return null
  const [block] = tzlib_get_ical_block(timeZone)
  return block?.startsWith('BEGIN:VTIMEZONE') ? block : null
}
