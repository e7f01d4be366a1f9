import { EventEmitter } from 'node:events'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { type AuthUser, createAuth } from './auth/auth.ts'
import type { Config } from './config/env.ts'
import type { DatabaseHandle } from './db/database.ts'
import type { SessionChange } from './domain/session-state.ts'
import { createAccountRepository } from './modules/account/account.repository.ts'
import { registerAccountRoutes } from './modules/account/account.routes.ts'
import { createAccountService } from './modules/account/account.service.ts'
import { createCalendarRepository } from './modules/calendar/calendar.repository.ts'
import { registerCalendarRoutes } from './modules/calendar/calendar.routes.ts'
import { createCalendarService } from './modules/calendar/calendar.service.ts'
import { createAttentionRepository } from './modules/groups/attention.repository.ts'
import { createAttentionService } from './modules/groups/attention.ts'
import { createGroupsRepository } from './modules/groups/groups.repository.ts'
import { registerGroupRoutes } from './modules/groups/groups.routes.ts'
import { createGroupsService } from './modules/groups/groups.service.ts'
import { createLoopsRepository } from './modules/loops/loops.repository.ts'
import { registerLoopRoutes } from './modules/loops/loops.routes.ts'
import { createLoopsService } from './modules/loops/loops.service.ts'
import { registerDevMailRoutes } from './modules/mail/dev-mail.routes.ts'
import { createMailTransport } from './modules/mail/mail-transport.ts'
import { registerNotificationWorkers } from './modules/notifications/notifications.jobs.ts'
import { createNotificationMailer } from './modules/notifications/notifications.mail.ts'
import { createNotificationsRepository } from './modules/notifications/notifications.repository.ts'
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.ts'
import { createNotificationsService } from './modules/notifications/notifications.service.ts'
import { createAnswerWriter } from './modules/quizzes/answer-writer.ts'
import { registerAnswerSockets } from './modules/quizzes/answers.socket.ts'
import { createQuestionOpeningsRepository } from './modules/quizzes/question-openings.repository.ts'
import { createQuizzesRepository } from './modules/quizzes/quizzes.repository.ts'
import { registerQuizRoutes } from './modules/quizzes/quizzes.routes.ts'
import { createQuizzesService } from './modules/quizzes/quizzes.service.ts'
import { createSharesRepository } from './modules/quizzes/shares.repository.ts'
import { createDistributionPush } from './modules/sessions/distribution.ts'
import { createLiveEvents } from './modules/sessions/live.events.ts'
import { createLiveRepository } from './modules/sessions/live.repository.ts'
import { createSessionEvents } from './modules/sessions/sessions.events.ts'
import {
  createLiveLockScheduler,
  createSessionTimers,
  registerSessionWorkers,
} from './modules/sessions/sessions.jobs.ts'
import { createSessionsRepository } from './modules/sessions/sessions.repository.ts'
import { registerSessionRoutes } from './modules/sessions/sessions.routes.ts'
import {
  createSessionsService,
  type SessionChangeListener,
} from './modules/sessions/sessions.service.ts'
import { registerSessionSockets } from './modules/sessions/sessions.socket.ts'
import { registerSystemRoutes } from './modules/system/system.routes.ts'
import { registerAuthRoutes, resolveUser } from './plugins/auth.ts'
import { registerCompression } from './plugins/compression.ts'
import { registerCsrfProtection } from './plugins/csrf.ts'
import { registerDocs } from './plugins/docs.ts'
import { registerErrorHandling, replyToFrameworkError } from './plugins/error-handler.ts'
import { registerInputGuard } from './plugins/input-guard.ts'
import { startJobQueue } from './plugins/jobs.ts'
import { registerRealtime, rooms } from './plugins/realtime.ts'
import { registerSecurityHeaders } from './plugins/security-headers.ts'
import { registerWebApp } from './plugins/web.ts'
import { version } from './version.ts'

declare module 'fastify' {
  interface FastifyInstance {
    resolveUser(request: FastifyRequest): Promise<AuthUser | null>
  }
}

export interface AppOptions {
  config: Config
  database: DatabaseHandle
  authSecret: string
  /** Scheduler timing; tests shorten it. `now` is the quiz clock (time limits, expiry); tests set it. */
  timing?: {
    pollingIntervalSeconds?: number
    reminderLeadMs?: number
    now?: () => Date
    /** Real-time: how long presence waits before offline, the coalescing tick, the recovery window. */
    offlineGraceMs?: number
    realtimeTickMs?: number
    recoveryWindowMs?: number
  }
  /** Pretty logs for a person at a terminal; JSON otherwise. */
  prettyLogs?: boolean
}

/** How long before a session its "starting soon" notification comes. */
const DEFAULT_REMINDER_LEAD_MS = 15 * 60_000

/** The name and address of a `Name <address>` From line, as calendar invites name their organizer. */
function senderOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return match
    ? { name: match[1] || 'LoopQuiz', email: match[2] ?? from }
    : { name: 'LoopQuiz', email: from.trim() }
}

/** Whether a session change adds to or takes from the sessions waiting for approval. */
function changesApprovalQueue(change: SessionChange, session: { status: string }): boolean {
  if (['approve', 'reject', 'expire', 'resubmit', 'cancel'].includes(change)) return true
  return (change === 'create' || change === 'reschedule') && session.status === 'pending_approval'
}

/** Builds the whole app without listening: the server and the tests share it. */
export async function buildApp({
  config,
  database,
  authSecret,
  timing = {},
  prettyLogs = false,
}: AppOptions) {
  const app: FastifyInstance = Fastify({
    logger: {
      level: config.logLevel,
      // Session cookies and bearer tokens are credentials: never in the log.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      ...(prettyLogs ? { transport: { target: 'pino-pretty' } } : {}),
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    frameworkErrors: replyToFrameworkError,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandling(app)
  // Before any route, so that every response carries the headers and every write is checked.
  await registerSecurityHeaders(app)
  registerCsrfProtection(app, config.trustedOrigins)
  registerInputGuard(app)
  // Before the routes: it compresses only the replies of routes declared after it.
  await registerCompression(app)
  await registerDocs(app, { version, publicUrl: config.publicUrl })

  const auth = createAuth({
    db: database.db,
    secret: authSecret,
    baseUrl: config.publicUrl,
    trustedOrigins: config.trustedOrigins,
    signInPerMinute: config.authRateLimitPerMinute,
    logger: app.log,
    // Called only on a request, after `account` and `jobs` below exist.
    beforeDeleteUser: (user) => account.prepareDeletion(user),
    sendAccountMail: (kind, to, url) =>
      jobs.schedule(
        'account.mail',
        { mailId: crypto.randomUUID(), kind, to: { name: to.name, email: to.email }, url },
        { runAt: new Date(), key: `account:${crypto.randomUUID()}` },
      ),
  })
  app.decorate('resolveUser', (request: FastifyRequest) => resolveUser(auth, request))
  registerAuthRoutes(app, auth)

  const jobs = await startJobQueue(database, {
    logger: app.log,
    ...(timing.pollingIntervalSeconds === undefined
      ? {}
      : { pollingIntervalSeconds: timing.pollingIntervalSeconds }),
  })
  app.addHook('onClose', () => jobs.stop())
  const sessionChanges = new EventEmitter<{ change: Parameters<SessionChangeListener> }>()
  // Set right below; the realtime plugin reports presence changes only once clients connect.
  let sessionEvents: ReturnType<typeof createSessionEvents> | undefined
  const realtime = await registerRealtime(app, auth, {
    redisUrl: config.redisUrl,
    redisStream: config.redisStream,
    trustedOrigins: config.trustedOrigins,
    logger: app.log,
    ...(timing.offlineGraceMs === undefined ? {} : { offlineGraceMs: timing.offlineGraceMs }),
    ...(timing.recoveryWindowMs === undefined ? {} : { recoveryWindowMs: timing.recoveryWindowMs }),
    onPresenceChange: (room, user, online) => sessionEvents?.presenceChanged(room, user, online),
  })
  sessionEvents = createSessionEvents(realtime, {
    ...(timing.realtimeTickMs === undefined ? {} : { tickMs: timing.realtimeTickMs }),
  })
  const events = sessionEvents
  app.addHook('onClose', () => events.stop())

  const notificationsRepository = createNotificationsRepository(database.db)
  const notifications = createNotificationsService({
    notifications: notificationsRepository,
    queue: jobs,
    secret: authSecret,
    publicUrl: config.publicUrl,
    push: (userId, event) => realtime.io.to(rooms.user(userId)).emit('notification:created', event),
    pushRead: (userId, unreadCount) =>
      realtime.io.to(rooms.user(userId)).emit('notification:read', { unreadCount }),
  })
  const loopsRepository = createLoopsRepository(database.db)
  const quizzesRepository = createQuizzesRepository(database.db)
  const loops = createLoopsService(loopsRepository)
  const groupsRepository = createGroupsRepository(database.db)
  const attention = createAttentionService({
    attention: createAttentionRepository(database.db),
    groups: groupsRepository,
    onChange: (groupId) => events.attentionChanged(groupId),
  })
  const groups = createGroupsService({
    groups: groupsRepository,
    attention,
    publicUrl: config.publicUrl,
    onAttentionChange: (groupId, userIds) => events.attentionChanged(groupId, userIds),
    onInvitation: (invitationId) =>
      notifications
        .invitationCreated(invitationId)
        .catch((error: unknown) =>
          app.log.error({ err: error, invitationId }, 'invitation not queued for sending'),
        ),
    onJoinRequest: (requestId, event) =>
      (event === 'requested'
        ? notifications.joinRequested(requestId)
        : notifications.joinRequestDecided(requestId)
      ).catch((error: unknown) =>
        app.log.error({ err: error, requestId }, 'join request notification not queued'),
      ),
  })
  const account = createAccountService({
    account: createAccountRepository(database.db),
    groups,
  })
  const liveEvents = createLiveEvents(realtime)
  const sessions = createSessionsService(
    {
      sessions: createSessionsRepository(database.db),
      groups,
      loops: loopsRepository,
      quizzes: quizzesRepository,
      timers: createSessionTimers(jobs, timing.reminderLeadMs ?? DEFAULT_REMINDER_LEAD_MS),
      publicUrl: config.publicUrl,
      onChange: (change, session, actorId) => {
        sessionChanges.emit('change', change, session)
        notifications
          .sessionChanged(change, session, actorId)
          .catch((error: unknown) =>
            app.log.error({ err: error, sessionId: session.id }, 'notification not queued'),
          )
        events.sessionChanged(change, session)
        if (changesApprovalQueue(change, session)) events.attentionChanged(session.groupId)
        // A live game whose session ended another way than by its podium goes to the podium.
        if (change === 'complete' || change === 'cancel') {
          sessions
            .settleEnded(session)
            .catch((error: unknown) =>
              app.log.error({ err: error, sessionId: session.id }, 'live session not settled'),
            )
        }
      },
      onProgress: (sessionId, update) => events.progressed(sessionId, update),
    },
    {
      live: createLiveRepository(database.db),
      onState: (state) => liveEvents.liveState(state),
      onStandings: (sessionId, standings) => liveEvents.standings(sessionId, standings),
      markStale: (sessionId) => realtime.markSessionStale(sessionId),
      onStale: (listener) => realtime.onSessionStale(listener),
      scheduleLock: createLiveLockScheduler(jobs),
      onError: (error, context) => app.log.error({ err: error }, context),
      ...(timing.now === undefined ? {} : { now: timing.now }),
    },
  )
  app.addHook('onClose', async () => sessions.stopLiveTimers())
  // Answers go to the database in group commits; closing flushes what is queued.
  const answerWriter = createAnswerWriter(database.db, database.kind)
  app.addHook('onClose', () => answerWriter.close())
  const distributionPush = createDistributionPush(
    (sessionId, questionIds) => sessions.answerDistributionOf(sessionId, questionIds),
    (distribution) =>
      realtime.io
        .to(rooms.sessionHosts(distribution.sessionId))
        .emit('session:answers', distribution),
    (error) => app.log.error({ err: error }, 'answer distribution not pushed'),
  )
  app.addHook('onClose', async () => distributionPush.stop())
  const quizzes = createQuizzesService({
    quizzes: quizzesRepository,
    shares: createSharesRepository(database.db),
    openings: createQuestionOpeningsRepository(database.db),
    loops: loopsRepository,
    sessionGate: sessions.gate,
    answers: answerWriter,
    onSessionAnswer: (sessionId, answer) => {
      events.progressed(sessionId, {
        userId: answer.userId,
        name: answer.name,
        answeredCount: answer.answeredCount,
        score: answer.score,
        finished: false,
      })
      distributionPush.answered(sessionId, answer.questionId)
    },
    publicUrl: config.publicUrl,
    ...(timing.now === undefined ? {} : { now: timing.now }),
  })
  await registerSessionWorkers(jobs, sessions, app.log)
  const mailTransport = createMailTransport({
    smtpUrl: config.smtpUrl,
    mailDir: config.mailDir,
    from: config.mailFrom,
    logger: app.log,
  })
  app.addHook('onClose', () => mailTransport.close())
  const reminderLeadMs = timing.reminderLeadMs ?? DEFAULT_REMINDER_LEAD_MS
  const mailer = createNotificationMailer({
    notifications: notificationsRepository,
    transport: mailTransport,
    publicUrl: config.publicUrl,
    organizer: senderOf(config.mailFrom),
    unsubscribeUrl: (userId, type) => notifications.unsubscribeUrl(config.publicUrl, userId, type),
    alarmMinutesBefore: Math.round(reminderLeadMs / 60_000),
  })
  await registerNotificationWorkers(jobs, notifications, mailer, app.log)
  registerSystemRoutes(app, database, version)
  registerAccountRoutes(app, account)
  registerLoopRoutes(app, loops)
  registerNotificationRoutes(app, notifications)
  registerQuizRoutes(app, quizzes)
  registerGroupRoutes(app, groups, attention)
  registerSessionRoutes(app, sessions, quizzes)
  registerCalendarRoutes(
    app,
    createCalendarService({
      calendar: createCalendarRepository(database.db),
      sessions,
      secret: authSecret,
      publicUrl: config.publicUrl,
    }),
  )
  registerSessionSockets({
    realtime,
    sessions,
    events,
    isGroupMember: async (groupId, userId) => (await groups.roleOf(groupId, userId)) !== null,
    liveStateOf: (groupId, sessionId, viewer) => sessions.getLiveState(groupId, sessionId, viewer),
  })
  registerAnswerSockets({ realtime, quizzes })
  // Anyone could read everyone's mail there: a development tool only.
  if (config.env !== 'production') registerDevMailRoutes(app, config.mailDir)
  await registerWebApp(app, config.webDistDir)

  return Object.assign(app, {
    services: { auth, loops, quizzes, groups, sessions, notifications },
    sessionChanges,
    realtime,
    sessionEvents: events,
  })
}

export type App = Awaited<ReturnType<typeof buildApp>>
