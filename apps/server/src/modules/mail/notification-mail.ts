import { type Notification, notificationHeadline } from '@loopquiz/contract'
import { DateTime } from 'luxon'
import { layoutMail } from './mail-layout.ts'

export interface NotificationMailContext {
  recipientName: string
  /** IANA zone the recipient reads times in. */
  timeZone: string
  /** The web app's origin, without a trailing slash. */
  publicUrl: string
  /** Signed link that turns this type of mail off without signing in. */
  unsubscribeUrl: string
  /** Until when a member who missed the session can still take it, when it has a late window. */
  lateUntil: Date | null
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

// Mail clients cut subjects around here; the body says it all anyway.
const SUBJECT_MAX_LENGTH = 78

/** The e-mail of one notification: plain text and HTML saying the same. */
export function renderNotificationMail(
  notification: Notification,
  context: NotificationMailContext,
): RenderedMail {
  const subject = shorten(notificationHeadline(notification), SUBJECT_MAX_LENGTH)
  const content = contentOf(notification)
  const session = notification.session
  const timeLine =
    session?.scheduledAt && content.timeLabel
      ? `${content.timeLabel}: ${timeOf(session.scheduledAt, session.endsAt, context.timeZone)}`
      : null
  const lateLine = context.lateUntil
    ? `If you missed it, you can still take it until ${formatTime(context.lateUntil, context.timeZone)}.`
    : null
  const url = `${context.publicUrl}${safePath(notification.link)}`
  const facts = [
    notification.group ? `Group: ${notification.group.name}` : null,
    session ? `Session: ${session.title}` : null,
    timeLine,
  ].filter((line) => line !== null)

  const { text, html } = layoutMail({
    subject,
    recipientName: context.recipientName,
    paragraphs: [content.summary],
    facts,
    emphasis: lateLine,
    action: { label: content.action, url },
    footer: {
      text: 'You get this e-mail because of your LoopQuiz notification settings.',
      link: { label: 'Stop e-mails like this', url: context.unsubscribeUrl },
    },
  })
  return { subject, text, html }
}

interface MailContent {
  /** What happened, in a sentence. */
  summary: string
  /** The button's words. */
  action: string
  /** How the session's time is introduced; null when the time is not the point. */
  timeLabel: string | null
}

function contentOf(notification: Notification): MailContent {
  const session = notification.session?.title ?? 'A session'
  const group = notification.group?.name ?? 'your group'
  const actor = notification.actorName ?? 'Someone'
  switch (notification.type) {
    case 'session_scheduled':
      return {
        summary: `${actor} scheduled a new session in ${group}.`,
        action: 'Open the session',
        timeLabel: 'When',
      }
    case 'session_rescheduled':
      return {
        summary: `${session} in ${group} was moved to a new time.`,
        action: 'Open the session',
        timeLabel: 'New time',
      }
    case 'session_cancelled':
      return {
        summary: `${session} in ${group} was cancelled and will not take place.`,
        action: 'See the group',
        timeLabel: 'It was planned for',
      }
    case 'session_starting_soon':
      return {
        summary: `${session} in ${group} starts soon.`,
        action: 'Join the session',
        timeLabel: 'Starts',
      }
    case 'session_started':
      return {
        summary: `${session} in ${group} has started.`,
        action: 'Join now',
        timeLabel: 'Started',
      }
    case 'results_ready':
      return {
        summary: `The results of ${session} in ${group} are in.`,
        action: 'See the results',
        timeLabel: null,
      }
    case 'approval_needed':
      return {
        summary: `${actor} would like to hold ${session} in ${group}. It waits for an owner or admin to approve it.`,
        action: 'Review the session',
        timeLabel: 'Planned for',
      }
    case 'approval_decided':
      return {
        summary:
          notification.outcome === 'approved'
            ? `${session} in ${group} was approved and is on the schedule.`
            : notification.outcome === 'expired'
              ? `${session} in ${group} was not approved before its start, so it will not take place.`
              : `${session} in ${group} was not approved.`,
        action: 'Open the session',
        timeLabel: notification.outcome === 'approved' ? 'When' : null,
      }
    case 'join_request':
      return {
        summary: `${actor} asks to join ${group}.`,
        action: 'Review the request',
        timeLabel: null,
      }
    case 'join_request_decided':
      return notification.outcome === 'approved'
        ? {
            summary: `Your request to join ${group} was accepted: you're now a member.`,
            action: 'Open the group',
            timeLabel: null,
          }
        : {
            summary: `Your request to join ${group} was declined.`,
            action: 'Open LoopQuiz',
            timeLabel: null,
          }
    case 'invitation':
      return {
        summary: `${actor} invited you to join ${group} on LoopQuiz.`,
        action: 'See the invitation',
        timeLabel: null,
      }
  }
}

/** "Tuesday 8 December, 18:00 (Europe/Paris), 30 min". */
function timeOf(startsAt: string, endsAt: string | null, timeZone: string): string {
  const start = formatTime(new Date(startsAt), timeZone)
  if (!endsAt) return start
  const minutes = Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000)
  return minutes > 0 ? `${start}, ${formatDuration(minutes)}` : start
}

function formatTime(date: Date, timeZone: string): string {
  const time = DateTime.fromJSDate(date, { zone: timeZone }).setLocale('en-GB')
  // An unknown zone (an old preference) still gets a correct time: in UTC, and said so.
  const shown = time.isValid ? time : DateTime.fromJSDate(date, { zone: 'UTC' }).setLocale('en-GB')
  return `${shown.toFormat('cccc d LLLL, HH:mm')} (${shown.zoneName})`
}

function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${rest} min`
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`
}

/** A notification's link is a path of the web app; anything else would lead off the site. */
function safePath(link: string): string {
  return link.startsWith('/') && !link.startsWith('//') ? link : '/'
}

function shorten(line: string, maxLength: number): string {
  return line.length <= maxLength ? line : `${line.slice(0, maxLength - 1).trimEnd()}…`
}
