import type { GroupSession } from '@loopquiz/contract'
import type { AuthUser } from '../../auth/auth.ts'
import { totalPoints } from '../../domain/grading.ts'
import { encodeJoinCode } from '../../domain/join-code.ts'
import {
  type Actor,
  canActOnSession,
  type SessionAction,
  type SessionRules,
  sessionRulesFor,
} from '../../domain/permissions.ts'
import {
  answerWindow,
  nextStatus,
  refusalMessage,
  type SessionChange,
  type SessionEvent,
} from '../../domain/session-state.ts'
import {
  checkScheduleTime,
  checkStartNow,
  describeSlots,
  type ScheduleProblem,
} from '../../domain/time-slots.ts'
import { AppError } from '../../lib/app-error.ts'
import type { GroupRow } from '../groups/groups.repository.ts'
import type { GroupsService } from '../groups/groups.service.ts'
import type { LoopsRepository } from '../loops/loops.repository.ts'
import type { QuizzesRepository } from '../quizzes/quizzes.repository.ts'
import type { ProgressUpdate } from './sessions.events.ts'
import type {
  NewSessionRow,
  SeriesCounts,
  SessionRow,
  SessionsRepository,
} from './sessions.repository.ts'

export type Viewer = Pick<AuthUser, 'id' | 'name' | 'email'>

/** Puts a session's start (or expiry), end and reminder on the job queue, after its rows commit. */
export interface SessionTimers {
  plan(session: SessionRow): Promise<void>
}

/**
 * Told of every state change that took effect, exactly once per change across all nodes, with
 * who made it when a person did (not the scheduler).
 */
export type SessionChangeListener = (
  change: SessionChange,
  session: SessionRow,
  actorId?: string,
) => void

export interface SessionsServiceDeps {
  sessions: SessionsRepository
  groups: GroupsService
  loops: LoopsRepository
  quizzes: QuizzesRepository
  timers: SessionTimers
  publicUrl: string
  onChange?: SessionChangeListener
  /** Told when a participant's totals change (a join here; answers come from the quiz module). */
  onProgress?: (sessionId: string, update: ProgressUpdate) => void
  now?: () => Date
  /** How far ahead occurrences of a recurring series exist as sessions. */
  seriesHorizonDays?: number
}

export const MINUTE = 60_000
export const MAX_OCCURRENCES_AT_ONCE = 60

/** A member's view of one group: what every session operation starts from. */
export interface GroupAccess {
  group: GroupRow
  role: NonNullable<Awaited<ReturnType<GroupsService['roleOf']>>>
  actor: Actor
}

/**
 * What every part of the sessions module shares: the clock, the change listener, checks of the
 * group's rules, and the session as a member sees it.
 */
export function createSessionContext(deps: SessionsServiceDeps) {
  const { sessions, groups, publicUrl } = deps
  const now = deps.now ?? (() => new Date())
  const changed: SessionChangeListener = deps.onChange ?? (() => {})
  const progressed = deps.onProgress ?? (() => {})
  const horizonMs = (deps.seriesHorizonDays ?? 56) * 24 * 60 * MINUTE

  const joinUrlOf = (session: SessionRow) =>
    `${publicUrl}/questions/${session.shareToken}?groupId=${session.groupId}&sessionId=${session.id}`

  function sessionNotFound() {
    return new AppError('SESSION_NOT_FOUND', { message: 'No session with this id in this group.' })
  }

  /** Turns a broken scheduling rule into the error a person can act on. */
  function scheduleRefusal(
    problem: ScheduleProblem,
    group: GroupRow,
    startsAt: Date,
    field: string | null,
  ): AppError {
    const fail = (message: string) =>
      new AppError('SCHEDULE_NOT_ALLOWED', {
        message,
        ...(field ? { details: [{ path: field, message }] } : {}),
      })
    switch (problem.code) {
      case 'IN_THE_PAST':
        return fail('The start time has already passed.')
      case 'TOO_FAR':
        return fail(
          `Sessions can be planned up to two years ahead: start by ${problem.latest.toISOString()}.`,
        )
      case 'TOO_SOON':
        return fail(
          `This group asks for ${group.settings.advance_notice_hours} hours' notice: start at ${problem.earliest.toISOString()} or later.`,
        )
      case 'OUTSIDE_ALLOWED_SLOTS':
        return fail(
          `Sessions in this group must fit in its allowed times (${describeSlots(problem.slots)}, ${group.timezone}); ${startsAt.toISOString()} does not.`,
        )
    }
  }

  /** A planned start must pass the rules that apply to it (see `sessionRulesFor`). */
  function assertScheduleAllowed(
    group: GroupRow,
    rules: SessionRules,
    startsAt: Date,
    durationMinutes: number,
    field = 'body.scheduledAt',
  ) {
    const problem = checkScheduleTime({
      startsAt,
      durationMinutes,
      now: now(),
      timeZone: group.timezone,
      settings: {
        advance_notice_hours: rules.checkNotice ? group.settings.advance_notice_hours : 0,
        allowed_time_slots: rules.checkSlots ? group.settings.allowed_time_slots : undefined,
      },
    })
    if (problem) throw scheduleRefusal(problem, group, startsAt, field)
  }

  /** Starting now (instantly, or early) must pass the rules that apply to it. */
  function assertStartNowAllowed(group: GroupRow, rules: SessionRules, durationMinutes: number) {
    const at = now()
    const problem = checkStartNow({
      now: at,
      durationMinutes,
      timeZone: group.timezone,
      settings: {
        advance_notice_hours: rules.checkNotice ? group.settings.advance_notice_hours : 0,
        allowed_time_slots: rules.checkSlots ? group.settings.allowed_time_slots : undefined,
      },
    })
    if (problem) throw scheduleRefusal(problem, group, at, null)
  }

  async function access(groupId: string, viewer: Viewer): Promise<GroupAccess> {
    const { group, actor, role } = await groups.membership(groupId, viewer)
    return { group, actor, role }
  }

  /** The viewer's access to the group and the session in it; 404 if either is not theirs to see. */
  async function getOwnSession(groupId: string, sessionId: string, viewer: Viewer) {
    const found = await access(groupId, viewer)
    const row = await sessions.findSession(groupId, sessionId)
    if (!row) throw sessionNotFound()
    return { ...found, row }
  }

  const refusals: Record<SessionAction, string> = {
    edit: 'Only its creator, the owner and admins can edit this session.',
    approve: 'Only the owner and admins can approve sessions.',
    cancel: 'Only its creator, the owner and admins can do this.',
    start: 'Only its creator, the owner and admins can do this.',
    end: 'Only its creator, the owner and admins can do this.',
    host: 'Only its creator, the owner and admins can host this session.',
  }

  /** The viewer's session, if they may take `action` on it (domain/permissions decides). */
  async function getSessionToActOn(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
    action: SessionAction,
  ) {
    const found = await getOwnSession(groupId, sessionId, viewer)
    if (!canActOnSession(found.actor, action, found.group, found.row.createdBy === viewer.id)) {
      throw new AppError('FORBIDDEN', { message: refusals[action] })
    }
    return found
  }

  /** Applies a state event atomically, or explains why it cannot happen now. */
  async function applyEvent(
    row: SessionRow,
    event: SessionEvent,
    changes: Partial<NewSessionRow>,
    { notYet, actorId }: { notYet?: { column: 'scheduledAt'; at: Date }; actorId?: string } = {},
  ) {
    const updated = await sessions.transition(row.id, event, changes, undefined, notYet)
    if (updated) {
      changed(event, updated, actorId)
      return updated
    }
    const current = (await sessions.findSessionById(row.id)) ?? row
    throw new AppError('ILLEGAL_TRANSITION', { message: refusalMessage(current.status, event) })
  }

  async function toSessions(
    rows: SessionRow[],
    viewer: Viewer,
    { group, role, actor }: GroupAccess,
    seriesCounts: Map<string, SeriesCounts> | null = null,
  ): Promise<GroupSession[]> {
    const ids = rows.map((row) => row.id)
    const people = await sessions.findUserNames([
      ...new Set(
        rows.flatMap((row) => [row.createdBy, ...(row.approvedBy ? [row.approvedBy] : [])]),
      ),
    ])
    const counts = await sessions.countParticipants(ids)
    const mine = new Map(
      (await sessions.findMyParticipations(ids, viewer.id)).map((p) => [
        p.participant.sessionId,
        p,
      ]),
    )
    const at = now()
    const editsNeedApproval = sessionRulesFor(role, group.settings, 'reschedule').needsApproval
    return rows.map((row) => {
      const isCreator = row.createdBy === viewer.id
      const mayAct = (action: Parameters<typeof canActOnSession>[1]) =>
        canActOnSession(actor, action, group, isCreator)
      const allowed = (event: SessionEvent, action: Parameters<typeof canActOnSession>[1]) =>
        nextStatus(row.status, event) !== null && mayAct(action)
      const participation = mine.get(row.id)
      const canEdit = allowed('reschedule', 'edit')
      return {
        id: row.id,
        groupId: row.groupId,
        groupName: group.name,
        groupTimezone: group.timezone,
        sessionType: row.sessionType,
        status: row.status,
        mode: row.mode,
        options: row.options,
        title: row.title,
        description: row.description,
        loop: row.loopData,
        questionCount: row.questionsData.length,
        totalPoints: totalPoints(row.questionsData),
        shareToken: row.shareToken,
        joinUrl: joinUrlOf(row),
        joinCode: encodeJoinCode(row.joinSeq),
        extensionLoopId: row.extensionLoopId,
        scheduledAt: row.scheduledAt?.toISOString() ?? null,
        durationMinutes: row.durationMinutes,
        endsAt: row.endsAt?.toISOString() ?? null,
        startedAt: row.startedAt?.toISOString() ?? null,
        completedAt: row.completedAt?.toISOString() ?? null,
        cancelledAt: row.cancelledAt?.toISOString() ?? null,
        cancelReason: (row.cancelReason as GroupSession['cancelReason']) ?? null,
        lateUntil: row.lateUntil?.toISOString() ?? null,
        recurrenceRule: row.recurrenceRule,
        seriesId: row.seriesId,
        series: (seriesCounts && row.seriesId && seriesCounts.get(row.seriesId)) || null,
        createdBy: { id: row.createdBy, name: people.get(row.createdBy) ?? '' },
        approvedBy: row.approvedBy
          ? { id: row.approvedBy, name: people.get(row.approvedBy) ?? '' }
          : null,
        icsSequence: row.icsSequence,
        participantCount: counts.get(row.id)?.joined ?? 0,
        completedCount: counts.get(row.id)?.completed ?? 0,
        myParticipation: participation
          ? {
              attemptId: participation.participant.attemptId,
              answeredCount: participation.answeredCount,
              score: participation.score,
              completedAt: participation.participant.completedAt?.toISOString() ?? null,
              late: participation.participant.late,
            }
          : null,
        capabilities: {
          canJoin: answerWindow(row, at).open,
          canEdit,
          canStart: allowed('start', 'start'),
          canEnd: allowed('complete', 'end'),
          canCancel: allowed('cancel', 'cancel'),
          canApprove: allowed('approve', 'approve'),
          canSetLateWindow: row.status !== 'cancelled' && mayAct('end'),
          canHost: row.status !== 'cancelled' && mayAct('host'),
          timeChangeNeedsApproval: canEdit && editsNeedApproval,
        },
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      }
    })
  }

  async function toSession(row: SessionRow, viewer: Viewer, groupAccess: GroupAccess) {
    const [session] = await toSessions([row], viewer, groupAccess)
    if (!session) throw new Error('toSessions dropped a row')
    return session
  }

  return {
    ...deps,
    now,
    changed,
    joinUrlOf,
    progressed,
    horizonMs,
    sessionNotFound,
    assertScheduleAllowed,
    assertStartNowAllowed,
    scheduleRefusal,
    access,
    getOwnSession,
    getSessionToActOn,
    applyEvent,
    toSessions,
    toSession,
  }
}

export type SessionContext = ReturnType<typeof createSessionContext>
