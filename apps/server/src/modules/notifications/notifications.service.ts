import type {
  NotificationCreatedEvent,
  NotificationPage,
  NotificationType,
  Notification as NotificationView,
  PageQuery,
} from '@loopquiz/contract'
import { type Audience, sessionNotifications } from '../../domain/notification-rules.ts'
import type { SessionChange } from '../../domain/session-state.ts'
import { AppError } from '../../lib/app-error.ts'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import type { JobPayloads, JobQueue } from '../../plugins/jobs.ts'
import type {
  NewNotificationRow,
  NotificationRow,
  NotificationsRepository,
  SessionRowForNotice,
} from './notifications.repository.ts'

export type NotificationEvent = JobPayloads['notification.deliver']

export interface NotificationsServiceDeps {
  notifications: NotificationsRepository
  queue: Pick<JobQueue, 'schedule'>
  /** Sends the event to the user's room on every node. */
  push: (userId: string, event: NotificationCreatedEvent) => void
  /** Tells the user's other tabs how many are unread now. */
  pushRead: (userId: string, unreadCount: number) => void
  now?: () => Date
}

/**
 * Editing or cancelling a whole series changes each of its sessions one after another: their
 * changes wait this long on the queue under one key, so members hear of the series once.
 */
const SERIES_SETTLE_MS = 1500
/** Changes that may touch every session of a series at once. */
const seriesWideChanges = new Set<SessionChange>([
  'create',
  'approve',
  'reject',
  'reschedule',
  'resubmit',
  'cancel',
])

/**
 * The notification center. Something happening (a session scheduled, a join request) puts a
 * delivery job on the PostgreSQL job queue; the job makes one notification per recipient and
 * pushes it to them. A job retried after a crash makes none twice: each notification is unique
 * per user and delivery.
 */
export function createNotificationsService(deps: NotificationsServiceDeps) {
  const { notifications: repo, queue, push, pushRead } = deps
  const now = deps.now ?? (() => new Date())

  const enqueue = (event: NotificationEvent, key: string, delayMs = 0) =>
    queue.schedule('notification.deliver', event, {
      runAt: new Date(now().getTime() + delayMs),
      key,
    })

  async function audienceOf(
    audience: Audience,
    session: SessionRowForNotice,
    actorId: string | null,
  ): Promise<string[]> {
    const members = await repo.findMembers(session.groupId)
    const isMember = (userId: string) => members.some((member) => member.userId === userId)
    let userIds: string[]
    if (audience === 'members') userIds = members.map((member) => member.userId)
    else if (audience === 'deciders') userIds = members.filter(isDecider).map((m) => m.userId)
    else if (audience === 'creator') userIds = session.createdBy ? [session.createdBy] : []
    else userIds = await repo.findParticipants(session.id)
    // Only people still in the group, and nobody hears of what they did themselves.
    return userIds.filter((userId) => isMember(userId) && userId !== actorId)
  }

  async function deliverSessionChange(
    event: Extract<NotificationEvent, { kind: 'session' }>,
    eventKey: string,
  ): Promise<NewNotificationRow[]> {
    const session = await repo.findSession(event.sessionId)
    if (!session) return []
    const group = await repo.findGroup(session.groupId)
    if (!group) return []
    const announcedIds = [session.id, ...(session.seriesId ? [session.seriesId] : [])]
    const plans = sessionNotifications(event.change, {
      status: event.status,
      wasAnnounced: await repo.wasAnnounced(announcedIds),
      byPerson: event.actorId !== null,
    })
    // Who asked for a session is who a request names; otherwise who did the thing.
    const actorName = await repo.findUserName(
      plans.some((plan) => plan.type === 'approval_needed')
        ? (session.createdBy ?? '')
        : (event.actorId ?? ''),
    )
    const rows: NewNotificationRow[] = []
    // One notification per person per event, the first plan's: a creator told their session
    // was approved is not also told it was scheduled.
    const told = new Set<string>()
    for (const plan of plans) {
      for (const userId of await audienceOf(plan.audience, session, event.actorId)) {
        if (told.has(userId)) continue
        told.add(userId)
        rows.push({
          userId,
          type: plan.type,
          groupId: group.id,
          sessionId: session.seriesId ?? session.id,
          eventKey: `${eventKey}:${plan.type}`,
          data: {
            groupName: group.name,
            session: {
              id: session.id,
              title: session.title,
              scheduledAt: session.scheduledAt?.toISOString() ?? null,
              endsAt: session.endsAt?.toISOString() ?? null,
            },
            actorName,
            outcome: plan.outcome,
            link: sessionLink(plan.type, group.id, session.id),
          },
        })
      }
    }
    return rows
  }

  async function deliverJoinRequest(
    event: Extract<NotificationEvent, { kind: 'join_request' | 'join_request_decided' }>,
    eventKey: string,
  ): Promise<NewNotificationRow[]> {
    const request = await repo.findJoinRequest(event.requestId)
    if (!request) return []
    const group = await repo.findGroup(request.groupId)
    if (!group) return []
    const base = { groupId: group.id, sessionId: null, eventKey }
    if (event.kind === 'join_request') {
      const deciders = (await repo.findMembers(group.id)).filter(isDecider)
      const data = {
        groupName: group.name,
        session: null,
        actorName: await repo.findUserName(request.userId),
        outcome: null,
        link: `/groups/${group.id}/members`,
      }
      return deciders.map((member) => ({
        ...base,
        userId: member.userId,
        type: 'join_request' as const,
        data,
      }))
    }
    if (request.status === 'pending') return []
    const approved = request.status === 'approved'
    return [
      {
        ...base,
        userId: request.userId,
        type: 'join_request_decided',
        data: {
          groupName: group.name,
          session: null,
          actorName: request.decidedBy ? await repo.findUserName(request.decidedBy) : null,
          outcome: approved ? 'approved' : 'rejected',
          link: approved ? `/groups/${group.id}` : '/groups',
        },
      },
    ]
  }

  return {
    /** Called after a session change commits. */
    async sessionChanged(change: SessionChange, session: SessionRowForNotice, actorId?: string) {
      // Most changes (an extension, a late window) tell nobody: no job for them.
      const anyone = sessionNotifications(change, {
        status: session.status,
        wasAnnounced: true,
        byPerson: actorId !== undefined,
      })
      if (anyone.length === 0) return
      const event: NotificationEvent = {
        kind: 'session',
        eventId: crypto.randomUUID(),
        change,
        status: session.status,
        sessionId: session.id,
        actorId: actorId ?? null,
      }
      if (session.seriesId && seriesWideChanges.has(change)) {
        await enqueue(event, `${change}:${session.seriesId}`, SERIES_SETTLE_MS)
      } else {
        await enqueue(event, `${change}:${session.id}:${session.updatedAt.getTime()}`)
      }
    },

    async joinRequested(requestId: string) {
      await enqueue(
        { kind: 'join_request', eventId: requestId, requestId },
        `join_request:${requestId}`,
      )
    },

    async joinRequestDecided(requestId: string) {
      await enqueue(
        { kind: 'join_request_decided', eventId: requestId, requestId },
        `join_request_decided:${requestId}`,
      )
    },

    /** The delivery job: makes each recipient's notification (once) and pushes it. */
    async deliver(event: NotificationEvent): Promise<number> {
      const eventKey = `${event.kind}:${event.eventId}`
      const rows =
        event.kind === 'session'
          ? await deliverSessionChange(event, eventKey)
          : await deliverJoinRequest(event, eventKey)
      const created = await repo.insertNew(rows)
      const unread = await repo.countUnreadOf([...new Set(created.map((row) => row.userId))])
      for (const row of created) {
        push(row.userId, { notification: toView(row), unreadCount: unread.get(row.userId) ?? 0 })
      }
      return created.length
    },

    async find(userId: string, query: PageQuery): Promise<NotificationPage> {
      const after = decodeCursor(query.cursor)
      const rows = await repo.findPage(userId, query.limit + 1, after)
      const page = toPage(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }), toView)
      return { ...page, unreadCount: await repo.countUnread(userId) }
    },

    async markRead(userId: string, notificationId: string) {
      if (!(await repo.markRead(userId, notificationId, now()))) {
        throw new AppError('NOTIFICATION_NOT_FOUND', { message: 'No such notification.' })
      }
      const unreadCount = await repo.countUnread(userId)
      pushRead(userId, unreadCount)
      return { unreadCount }
    },

    async markAllRead(userId: string) {
      await repo.markAllRead(userId, now())
      pushRead(userId, 0)
      return { unreadCount: 0 }
    },
  }
}

export type NotificationsService = ReturnType<typeof createNotificationsService>

const isDecider = (member: { role: string }) => member.role === 'owner' || member.role === 'admin'

function sessionLink(type: NotificationType, groupId: string, sessionId: string): string {
  if (type === 'approval_needed') return `/groups/${groupId}/sessions`
  return `/groups/${groupId}/sessions/${sessionId}`
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    type: row.type,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    group: row.groupId && row.data.groupName ? { id: row.groupId, name: row.data.groupName } : null,
    session: row.data.session,
    actorName: row.data.actorName,
    outcome: row.data.outcome,
    link: row.data.link,
  }
}
