import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { type CalendarSession, calendarFeed, sessionInvite } from './session-calendar.ts'

const organizer = { name: 'Grace Hopper', email: 'grace@example.test' }
const attendee = { name: 'Ada Lovelace', email: 'ada@example.test' }

// 16 March 2027, 18:00 in Paris (UTC+1); Paris moves to UTC+2 on 28 March.
const session: CalendarSession = {
  uid: 'session-1@loopquiz.test',
  sequence: 3,
  title: 'Week 1; "verbs", again',
  description: 'Bring headphones.\nSecond line.',
  start: new Date('2027-03-16T17:00:00Z'),
  end: new Date('2027-03-16T17:45:00Z'),
  timeZone: 'Europe/Paris',
  rrule: null,
  url: 'http://localhost:3000/questions/abc?groupId=g&sessionId=s',
  groupName: 'Night class',
}

/** The calendar as a real client reads it, its zones known to the parser. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone))
  }
  const events = calendar.getAllSubcomponents('vevent')
  return { calendar, events, event: events[0] as ICAL.Component }
}

describe('session invite', () => {
  it('invites the attendee to one session with its time, place, organizer and a reminder', () => {
    const { calendar, events, event } = parse(
      sessionInvite('REQUEST', session, organizer, attendee, 15),
    )
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    expect(events).toHaveLength(1)
    const parsed = new ICAL.Event(event)
    expect(parsed.uid).toBe(session.uid)
    expect(parsed.sequence).toBe(3)
    expect(parsed.summary).toBe(session.title)
    expect(parsed.description).toBe(session.description)
    expect(parsed.location).toBe(session.url)
    expect(event.getFirstPropertyValue('url')).toBe(session.url)
    expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris')
    expect(parsed.startDate.toJSDate()).toEqual(session.start)
    expect(parsed.endDate.toJSDate()).toEqual(session.end)
    expect(event.getFirstPropertyValue('rrule')).toBeNull()
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED')

    const organizerProperty = event.getFirstProperty('organizer')
    expect(organizerProperty?.getFirstValue()).toBe('mailto:grace@example.test')
    expect(organizerProperty?.getParameter('cn')).toBe('Grace Hopper')
    const attendeeProperty = event.getFirstProperty('attendee')
    expect(String(attendeeProperty?.getFirstValue()).toLowerCase()).toBe('mailto:ada@example.test')
    expect(attendeeProperty?.getParameter('cn')).toBe('Ada Lovelace')
    expect(attendeeProperty?.getParameter('rsvp')).toBe('TRUE')
    expect(attendeeProperty?.getParameter('partstat')).toBe('NEEDS-ACTION')

    const alarm = event.getFirstSubcomponent('valarm')
    expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY')
    const trigger = alarm?.getFirstPropertyValue('trigger') as ICAL.Duration | undefined
    expect(trigger?.toSeconds()).toBe(-15 * 60)
  })

  it('has no reminder when none is asked for', () => {
    const { event } = parse(sessionInvite('REQUEST', session, organizer, attendee))
    expect(event.getFirstSubcomponent('valarm')).toBeNull()
  })

  it('repeats a series by its rule at the same local time across a DST change', () => {
    const { event } = parse(
      sessionInvite('REQUEST', { ...session, rrule: 'FREQ=WEEKLY;COUNT=3' }, organizer, attendee),
    )
    expect(String(event.getFirstPropertyValue('rrule'))).toBe('FREQ=WEEKLY;COUNT=3')
    const occurrences = new ICAL.Event(event).iterator()
    const starts: string[] = []
    for (let next = occurrences.next(); next; next = occurrences.next()) {
      starts.push(next.toJSDate().toISOString())
    }
    expect(starts).toEqual([
      '2027-03-16T17:00:00.000Z',
      '2027-03-23T17:00:00.000Z',
      '2027-03-30T16:00:00.000Z',
    ])
  })

  it('writes the time in UTC when the zone is unknown', () => {
    const { event } = parse(
      sessionInvite('REQUEST', { ...session, timeZone: 'Mars/Olympus' }, organizer, attendee),
    )
    const start = new ICAL.Event(event).startDate
    expect(start.zone?.tzid).toBe('UTC')
    expect(start.toJSDate()).toEqual(session.start)
  })

  it('refuses a rule that is not an RRULE value', () => {
    const rrule = 'FREQ=DAILY\r\nATTENDEE:mailto:someone@example.test'
    expect(() => sessionInvite('REQUEST', { ...session, rrule }, organizer, attendee)).toThrow(
      /not an RRULE value/,
    )
  })

  it('cancels the same event, without a reminder', () => {
    const { calendar, event } = parse(
      sessionInvite('CANCEL', { ...session, sequence: 4 }, organizer, attendee, 15),
    )
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(event.getFirstPropertyValue('uid')).toBe(session.uid)
    expect(event.getFirstPropertyValue('sequence')).toBe(4)
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(event.getFirstSubcomponent('valarm')).toBeNull()
  })
})

describe('calendar feed', () => {
  it('publishes every session without attendees or organizer', () => {
    const other = {
      ...session,
      uid: 'session-2@loopquiz.test',
      timeZone: 'America/New_York',
      rrule: 'FREQ=DAILY;COUNT=2',
    }
    const { calendar, events } = parse(calendarFeed('My LoopQuiz sessions', [session, other]))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('My LoopQuiz sessions')
    expect(events.map((event) => new ICAL.Event(event).uid)).toEqual([session.uid, other.uid])
    expect(events.map((event) => new ICAL.Event(event).startDate.toJSDate())).toEqual([
      session.start,
      session.start,
    ])
    for (const event of events) {
      expect(event.getFirstProperty('attendee')).toBeNull()
      expect(event.getFirstProperty('organizer')).toBeNull()
    }
  })

  it('is an empty calendar when there are no sessions', () => {
    const { calendar, events } = parse(calendarFeed('Empty', []))
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH')
    expect(events).toEqual([])
  })
})
