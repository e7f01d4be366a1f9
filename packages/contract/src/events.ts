import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { errorCodeSchema } from './errors.ts'
import { type answerDistributionSchema, liveStateSchema, type myStandingSchema } from './live.ts'
import type { NotificationCreatedEvent, NotificationsReadEvent } from './notifications.ts'
import { answerResultSchema, submitAnswerBodySchema } from './quizzes.ts'
import { sessionStatusSchema } from './sessions.ts'

/*
 * The real-time channel (Socket.IO). Rooms: `user:<id>`, `group:<id>`, `session:<id>` and
 * `session:<id>:hosts`. A client joins a group's or a session's room by watching it; the server
 * checks membership as the HTTP API does. Every payload is a schema here: the server validates
 * what clients send, and clients type what they receive.
 */

/** A state change of a session: clients refetch what shows it. */
export const sessionChangedEventSchema = z.object({
  groupId: z.uuid(),
  sessionId: z.uuid(),
  /** What happened: create, update, approve, reject, start, end, cancel, expire, late_window, extend, remind… */
  change: z.string(),
  status: sessionStatusSchema,
})
export type SessionChangedEvent = z.infer<typeof sessionChangedEventSchema>

/** One participant as the people in a session see them now. */
export const presenceEntrySchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** Has the session open now (a connected socket watching it). */
  online: z.boolean(),
  /** Has an attempt in the session (joined at least once). */
  joined: z.boolean(),
  answeredCount: z.number().int(),
  score: z.number().int(),
  finished: z.boolean(),
})
export type PresenceEntry = z.infer<typeof presenceEntrySchema>

/** Who came online or went offline in a session, coalesced on a short tick. */
export const sessionPresenceEventSchema = z.object({
  sessionId: z.uuid(),
  changes: z.array(z.object({ userId: z.string(), name: z.string(), online: z.boolean() })),
})
export type SessionPresenceEvent = z.infer<typeof sessionPresenceEventSchema>

/**
 * Joins and the progress answers made, coalesced on a short tick: each entry is the participant's
 * new total (a join is an entry with nothing answered yet).
 */
export const sessionProgressEventSchema = z.object({
  sessionId: z.uuid(),
  updates: z.array(
    z.object({
      userId: z.string(),
      /** So a client can list someone it has not seen yet without asking again. */
      name: z.string(),
      answeredCount: z.number().int(),
      score: z.number().int(),
      finished: z.boolean(),
    }),
  ),
})
export type SessionProgressEvent = z.infer<typeof sessionProgressEventSchema>

/** Members of a group who have any LoopQuiz page open now. */
export const groupPresenceEventSchema = z.object({
  groupId: z.uuid(),
  onlineUserIds: z.array(z.string()),
})
export type GroupPresenceEvent = z.infer<typeof groupPresenceEventSchema>

/** Something the user may have to act on changed (join requests, approvals): refetch the counts. */
export const attentionChangedEventSchema = z.object({ groupId: z.uuid().nullable() })
export type AttentionChangedEvent = z.infer<typeof attentionChangedEventSchema>

/** Every reply to a client's request: the data, or an error as the HTTP API words it. */
export const ackSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({
      ok: z.literal(false),
      error: z.object({ code: errorCodeSchema, message: z.string() }),
    }),
  ])
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

export const watchSessionBodySchema = z.object({ groupId: z.uuid(), sessionId: z.uuid() })
export type WatchSessionBody = z.infer<typeof watchSessionBodySchema>

/** What a client learns when it starts watching a session: everything the events then update. */
export const sessionSnapshotSchema = z.object({
  sessionId: z.uuid(),
  status: sessionStatusSchema,
  /**
   * Everyone who joined or is here, when `complete`; in a large session a participant gets the
   * first ones and themselves (hosts always get everyone), and the counts say how many there are.
   */
  participants: z.array(presenceEntrySchema),
  complete: z.boolean(),
  joinedCount: z.number().int(),
  onlineCount: z.number().int(),
  /** Whether the watcher is in the hosts' room (gets answer distributions). */
  isHost: z.boolean(),
  live: liveStateSchema.nullable(),
  serverNow: timestampSchema,
})
export type SessionSnapshot = z.infer<typeof sessionSnapshotSchema>
export const watchSessionAckSchema = ackSchema(sessionSnapshotSchema)

export const watchGroupBodySchema = z.object({ groupId: z.uuid() })
export const watchGroupAckSchema = ackSchema(groupPresenceEventSchema)

/** An answer sent over the socket: the same body as the HTTP endpoint, with its attempt. */
export const socketAnswerBodySchema = submitAnswerBodySchema.extend({
  attemptId: z.string().min(16).max(64),
})
export type SocketAnswerBody = z.infer<typeof socketAnswerBodySchema>
/** Sent once the answer is stored: a retry with the same `clientAnswerId` gets the same result. */
export const socketAnswerAckSchema = ackSchema(answerResultSchema)

export const timeSyncAckSchema = z.object({ serverNow: z.number().describe('Epoch milliseconds') })

type AckCallback<S extends z.ZodType> = (reply: z.output<S>) => void

export interface ServerToClientEvents {
  'session:changed': (event: SessionChangedEvent) => void
  'session:presence': (event: SessionPresenceEvent) => void
  'session:progress': (event: SessionProgressEvent) => void
  /** To the hosts' room only: totals for the questions that changed. */
  'session:answers': (event: z.output<typeof answerDistributionSchema>) => void
  'group:presence': (event: GroupPresenceEvent) => void
  'attention:changed': (event: AttentionChangedEvent) => void
  /** To one user: a notification for them was made. */
  'notification:created': (event: NotificationCreatedEvent) => void
  /** To one user: they read notifications (in another tab, perhaps). */
  'notification:read': (event: NotificationsReadEvent) => void
  'live:state': (event: z.output<typeof liveStateSchema>) => void
  /** To one participant: their own score and rank, at the leaderboard and the podium. */
  'live:standing': (event: z.output<typeof myStandingSchema>) => void
}

export interface ClientToServerEvents {
  'session:watch': (body: WatchSessionBody, ack: AckCallback<typeof watchSessionAckSchema>) => void
  'session:unwatch': (body: { sessionId: string }) => void
  'group:watch': (
    body: z.input<typeof watchGroupBodySchema>,
    ack: AckCallback<typeof watchGroupAckSchema>,
  ) => void
  'group:unwatch': (body: { groupId: string }) => void
  'answer:submit': (body: SocketAnswerBody, ack: AckCallback<typeof socketAnswerAckSchema>) => void
  /** The server's clock, for the client to correct its countdowns by its offset. */
  'time:sync': (ack: AckCallback<typeof timeSyncAckSchema>) => void
}
