import type { CalendarFeed, GroupSessionDetail } from '@loopquiz/contract'
import { AppError } from '../../lib/app-error.ts'
import { calendarFeed, toCalendarSession } from '../mail/session-calendar.ts'
import { slugOf } from '../quizzes/attempts-csv.ts'
import type { Viewer } from '../sessions/session-context.ts'
import type { SessionsService } from '../sessions/sessions.service.ts'
import type { CalendarRepository } from './calendar.repository.ts'
import { feedTokenOf, hashFeedToken, newFeedNonce } from './feed-token.ts'

export interface CalendarServiceDeps {
  calendar: CalendarRepository
  /** Reading one session: its access check is the one GET session makes. */
  sessions: Pick<SessionsService, 'get'>
  /** The server's secret, which feed tokens are derived with. */
  secret: string
  /** The web app's origin, without a trailing slash. */
  publicUrl: string
  now?: () => Date
}

const DAY = 24 * 3_600_000
/** How far back a feed goes: last month's sessions stay in the calendar as history. */
export const FEED_PAST_DAYS = 30
/**
 * How long a cancelled session stays in a feed as STATUS:CANCELLED after its cancellation.
 * Subscribed calendars refresh every few hours to a day; a month leaves a calendar that was
 * offline for weeks time to drop it rather than keep a copy it fetched before.
 */
export const CANCELLED_KEPT_DAYS = 30
/** A bound on one feed's size (60 occurrences of a series at most exist ahead, per series). */
const FEED_MAX_EVENTS = 2000

/** Calendar files: one session to download, and each user's personal, subscribable feed. */
export function createCalendarService(deps: CalendarServiceDeps) {
  const { calendar: repo, secret, publicUrl } = deps
  const now = deps.now ?? (() => new Date())
  const host = new URL(publicUrl).hostname
  const sessionUrl = (groupId: string, sessionId: string) =>
    `${publicUrl}/groups/${groupId}/sessions/${sessionId}`

  function feedOf(userId: string, nonce: string): CalendarFeed {
    const url = `${publicUrl}/api/calendar/${feedTokenOf(secret, userId, nonce)}.ics`
    return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') }
  }

  async function regenerate(viewer: Viewer): Promise<CalendarFeed> {
    const nonce = newFeedNonce()
    await repo.saveFeed(viewer.id, hashFeedToken(feedTokenOf(secret, viewer.id, nonce)), nonce)
    return feedOf(viewer.id, nonce)
  }

  return {
    /**
     * One session as a file to import: a single event, also for an occurrence of a series,
     * under the occurrence's own UID (see `toCalendarSession`).
     */
    async sessionFile(groupId: string, sessionId: string, viewer: Viewer) {
      const session = await deps.sessions.get(groupId, sessionId, viewer)
      const event = toCalendarSession(sourceOf(session), 'occurrence', {
        host,
        url: sessionUrl(groupId, sessionId),
        timeZone: session.groupTimezone,
        groupName: session.groupName,
      })
      if (!event) throw new Error(`session ${session.id} has no time`)
      return {
        fileName: `${slugOf(session.title)}.ics`,
        content: calendarFeed(session.groupName, [event]),
      }
    },

    /** The viewer's feed address; the first call makes it. */
    async getFeed(viewer: Viewer): Promise<CalendarFeed> {
      const nonce = newFeedNonce()
      const stored =
        (await repo.findFeedOfUser(viewer.id)) ??
        (await repo.insertFeedIfAbsent(
          viewer.id,
          hashFeedToken(feedTokenOf(secret, viewer.id, nonce)),
          nonce,
        ))
      // Made with another server secret: the address shown must be one that works.
      if (stored.token !== hashFeedToken(feedTokenOf(secret, viewer.id, stored.nonce))) {
        return regenerate(viewer)
      }
      return feedOf(viewer.id, stored.nonce)
    },

    regenerateFeed: regenerate,

    /**
     * The feed of the token's user: their groups' sessions from FEED_PAST_DAYS ago on, each
     * occurrence of a series an event of its own, cancelled ones a while as cancelled. Sessions
     * waiting for approval are left out: they may never happen.
     */
    async feedFile(token: string): Promise<string> {
      const feed = await repo.findFeedByTokenHash(hashFeedToken(token))
      if (!feed) {
        throw new AppError('NOT_FOUND', {
          message: 'No calendar feed has this address (a new link may have replaced it).',
        })
      }
      const at = now().getTime()
      const rows = await repo.findFeedSessions(feed.userId, {
        from: new Date(at - FEED_PAST_DAYS * DAY),
        cancelledSince: new Date(at - CANCELLED_KEPT_DAYS * DAY),
        limit: FEED_MAX_EVENTS,
      })
      const events = rows.flatMap(({ session, groupName, timeZone }) => {
        const event = toCalendarSession(session, 'occurrence', {
          host,
          url: sessionUrl(session.groupId, session.id),
          timeZone,
          groupName,
        })
        return event ? [{ ...event, title: `${event.title} · ${groupName}` }] : []
      })
      return calendarFeed('LoopQuiz sessions', events)
    },
  }
}

function sourceOf(session: GroupSessionDetail) {
  return {
    ...session,
    scheduledAt: session.scheduledAt ? new Date(session.scheduledAt) : null,
    endsAt: session.endsAt ? new Date(session.endsAt) : null,
  }
}

export type CalendarService = ReturnType<typeof createCalendarService>
