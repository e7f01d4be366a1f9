import {
  defaultEmailPreferences,
  type NotificationCreatedEvent,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationType,
  type Notification as NotificationView,
  notificationTypeSchema,
  type PageQuery,
  type UpdateNotificationPreferencesBody,
} from '@loopquiz/contract'
import { type Audience, sessionNotifications } from '../../domain/notification-rules.ts'
import type { SessionChange } from '../../domain/session-state.ts'
import { AppError } from '../../lib/app-error.ts'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { signToken, verifyToken } from '../../lib/signed-token.ts'
import type { JobPayloads, JobQueue } from '../../plugins/jobs.ts'
import type {
  NewNotificationRow,
  NotificationRow,
  NotificationsRepository,
  SessionRowForNotice,
  StoredPreferences,
} from './notifications.repository.ts'

export type NotificationEvent = JobPayloads['notification.deliver']

type Member = Awaited<ReturnType<NotificationsRepository['findMembers']>>[number]

export interface NotificationsServiceDeps {
  notifications: NotificationsRepository
  queue: Pick<JobQueue, 'schedule'>
  /** Sends the event to the user's room on every node. */
  push: (userId: string, event: NotificationCreatedEvent) => void
  /** Tells the user's other tabs how many are unread now. */
  pushRead: (userId: string, unreadCount: number) => void
  /** Signs the unsubscribe links of mails. */
  secret: string
  /** The web app's origin, for links in mails. */
  publicUrl: string
  now?: () => Date
}

const UNSUBSCRIBE = 'unsubscribe'

/** Whether the user wants e-mails of this type: their choice, else the default. */
export function wantsEmail(stored: StoredPreferences | undefined | null, type: NotificationType) {
  return stored?.email[type] ?? defaultEmailPreferences[type]
}

function toPreferences(stored: StoredPreferences | null): NotificationPreferences {
  return {
    email: Object.fromEntries(
      notificationTypeSchema.options.map((type) => [type, wantsEmail(stored, type)]),
    ) as Record<NotificationType, boolean>,
    timeZone: stored?.timeZone ?? null,
  }
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
    members: Member[],
    actorId: string | null,
  ): Promise<string[]> {
    const memberIds = new Set(members.map((member) => member.userId))
    const isMember = (userId: string) => memberIds.has(userId)
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
    const namedId = plans.some((plan) => plan.type === 'approval_needed')
      ? session.createdBy
      : event.actorId
    const actorName = namedId ? await repo.findUserName(namedId) : null
    const members = plans.length > 0 ? await repo.findMembers(session.groupId) : []
    const rows: NewNotificationRow[] = []
    // One notification per person per event, the first plan's: a creator told their session
    // was approved is not also told it was scheduled.
    const told = new Set<string>()
    for (const plan of plans) {
      for (const userId of await audienceOf(plan.audience, session, members, event.actorId)) {
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

  /**
   * An invitation is a notification to an account that has its address (and mailed as that
   * account's settings say); an address without an account gets the invitation by mail only.
   */
  async function deliverInvitation(
    event: Extract<NotificationEvent, { kind: 'invitation' }>,
    eventKey: string,
  ): Promise<{ rows: NewNotificationRow[]; accountMail: JobPayloads['account.mail'] | null }> {
    const found = await repo.findInvitation(event.invitationId)
    if (!found || found.invitation.acceptedAt || found.invitation.revokedAt) {
      return { rows: [], accountMail: null }
    }
    const { invitation, groupName, inviterName } = found
    const link = `/invitations/${invitation.token}`
    const invitee = await repo.findUserByEmail(invitation.email)
    if (!invitee) {
      return {
        rows: [],
        accountMail: {
          mailId: invitation.id,
          kind: 'invitation',
          to: { name: invitation.email.split('@')[0] ?? invitation.email, email: invitation.email },
          url: `${deps.publicUrl}${link}`,
          inviterName,
          groupName,
        },
      }
    }
    const row: NewNotificationRow = {
      userId: invitee.id,
      type: 'invitation',
      groupId: invitation.groupId,
      sessionId: null,
      eventKey,
      data: { groupName, session: null, actorName: inviterName, outcome: null, link },
    }
    return { rows: [row], accountMail: null }
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

    async invitationCreated(invitationId: string) {
      await enqueue(
        { kind: 'invitation', eventId: invitationId, invitationId },
        `invitation:${invitationId}`,
      )
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
      let rows: NewNotificationRow[]
      let accountMail: JobPayloads['account.mail'] | null = null
      if (event.kind === 'session') rows = await deliverSessionChange(event, eventKey)
      else if (event.kind === 'invitation') {
        ;({ rows, accountMail } = await deliverInvitation(event, eventKey))
      } else rows = await deliverJoinRequest(event, eventKey)
      // The mails are queued with the notifications, in one transaction: a crash leaves both or
      // neither, and a retried delivery (which finds its notifications made) queues none twice.
      const created = await repo.transaction(async (tx, db) => {
        const made = await tx.insertNew(rows)
        const preferences = await tx.findPreferencesOf([...new Set(made.map((row) => row.userId))])
        for (const row of made) {
          if (!wantsEmail(preferences.get(row.userId), row.type)) continue
          await queue.schedule(
            'notification.mail',
            { notificationId: row.id },
            { runAt: now(), key: `mail:${row.id}` },
            db,
          )
        }
        if (accountMail) {
          await queue.schedule(
            'account.mail',
            accountMail,
            { runAt: now(), key: `invitation:${accountMail.mailId}` },
            db,
          )
        }
        return made
      })
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

    async getPreferences(userId: string): Promise<NotificationPreferences> {
      return toPreferences(await repo.findPreferences(userId))
    },

    async updatePreferences(
      userId: string,
      body: UpdateNotificationPreferencesBody,
    ): Promise<NotificationPreferences> {
      const stored = await repo.findPreferences(userId)
      const saved = await repo.savePreferences(
        userId,
        { ...stored?.email, ...body.email },
        body.timeZone === undefined ? (stored?.timeZone ?? null) : body.timeZone,
      )
      return toPreferences(saved)
    },

    /** The link in a mail that stops mails of its type for its recipient. */
    unsubscribeUrl(publicUrl: string, userId: string, type: NotificationType): string {
      const token = signToken(deps.secret, UNSUBSCRIBE, `${userId}:${type}`)
      return `${publicUrl}/unsubscribe?token=${encodeURIComponent(token)}`
    },

    async unsubscribe(token: string): Promise<{ type: NotificationType }> {
      const value = verifyToken(deps.secret, UNSUBSCRIBE, token)
      const [userId, typeName] = value?.split(':') ?? []
      const type = notificationTypeSchema.safeParse(typeName)
      if (!userId || !type.success) {
        throw new AppError('UNSUBSCRIBE_LINK_INVALID', {
          message: 'This unsubscribe link is not valid. Change your e-mails in your settings.',
        })
      }
      const stored = await repo.findPreferences(userId)
      await repo.savePreferences(
        userId,
        { ...stored?.email, [type.data]: false },
        stored?.timeZone ?? null,
      )
      return { type: type.data }
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

export function toView(row: NotificationRow): NotificationView {
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
