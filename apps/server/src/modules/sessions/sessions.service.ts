import type {
  CreateExtensionSessionBody,
  CreateInstantSessionBody,
  FindSessionsQuery,
  GroupSession,
  GroupSessionDetail,
  LoopSnapshot,
  Participant,
  Question,
  ScheduleSessionBody,
  SessionResults,
  SessionSource,
  SessionStats,
  UpdateSessionBody,
} from '@loopquiz/contract'
import type { AuthUser } from '../../auth/auth.ts'
import { assignQuestionIds, toPublicQuestion, totalPoints } from '../../domain/grading.ts'
import { type Actor, can, canActOnSession, sessionNeedsApproval } from '../../domain/permissions.ts'
import { occurrencesBetween, parseRecurrenceRule } from '../../domain/recurrence.ts'
import {
  nextStatus,
  refusalMessage,
  type SessionChange,
  type SessionEvent,
} from '../../domain/session-state.ts'
import { checkScheduleTime, describeSlots } from '../../domain/time-slots.ts'
import { AppError } from '../../lib/app-error.ts'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { newSecretToken, newShortId } from '../../lib/tokens.ts'
import type { GroupRow } from '../groups/groups.repository.ts'
import type { GroupsService } from '../groups/groups.service.ts'
import type { LoopsRepository } from '../loops/loops.repository.ts'
import { toLoopSnapshot } from '../loops/loops.service.ts'
import type { QuizzesRepository } from '../quizzes/quizzes.repository.ts'
import type { NewSessionRow, SessionRow, SessionsRepository } from './sessions.repository.ts'

type Viewer = Pick<AuthUser, 'id' | 'name' | 'email'>

/** Puts a session's start, end and reminder on the job queue (after its rows are committed). */
export interface SessionTimers {
  plan(session: SessionRow): Promise<void>
}

/** Told of every state change that took effect, exactly once per change across all nodes. */
export type SessionChangeListener = (change: SessionChange, session: SessionRow) => void

export interface SessionsServiceDeps {
  sessions: SessionsRepository
  groups: GroupsService
  loops: LoopsRepository
  quizzes: QuizzesRepository
  timers: SessionTimers
  publicUrl: string
  onChange?: SessionChangeListener
  now?: () => Date
  /** How far ahead occurrences of a recurring series exist as sessions. */
  seriesHorizonDays?: number
}

const MINUTE = 60_000
const MAX_OCCURRENCES_AT_ONCE = 60

const sessionNotFound = () =>
  new AppError('SESSION_NOT_FOUND', { message: 'No session with this id in this group.' })

export function createSessionsService(deps: SessionsServiceDeps) {
  const { sessions, groups, loops, quizzes, timers, publicUrl } = deps
  const now = deps.now ?? (() => new Date())
  const changed: SessionChangeListener = deps.onChange ?? (() => {})
  const horizonMs = (deps.seriesHorizonDays ?? 56) * 24 * 60 * MINUTE

  const joinUrlOf = (session: SessionRow) =>
    `${publicUrl}/questions/${session.shareToken}?groupId=${session.groupId}&sessionId=${session.id}`

  /** A session is open to answers while active, and after an early end until its planned end. */
  function isOpen(session: SessionRow, at: Date): { open: boolean; late: boolean } {
    if (session.status === 'active') return { open: true, late: false }
    const beforePlannedEnd = session.endsAt !== null && at.getTime() < session.endsAt.getTime()
    if (session.status === 'completed' && beforePlannedEnd) return { open: true, late: true }
    return { open: false, late: false }
  }

  async function resolveSource(
    viewer: Viewer,
    source: SessionSource,
  ): Promise<{
    loop: LoopSnapshot
    questions: Question[]
    extensionLoopId: string | null
    title: string
  }> {
    if (source.kind === 'manual') {
      return {
        loop: source.loop,
        questions: assignQuestionIds(source.questions, newShortId),
        extensionLoopId: null,
        title: source.loop.videoTitle,
      }
    }
    if (source.kind === 'loop') {
      const loop = await loops.findOwned(source.loopId, viewer.id)
      if (!loop)
        throw new AppError('LOOP_NOT_FOUND', { message: 'No loop with this id belongs to you.' })
      if (loop.questions.length === 0) {
        throw new AppError('SOURCE_HAS_NO_QUESTIONS', {
          message: 'This loop has no questions yet. Add questions to it first.',
        })
      }
      return {
        loop: toLoopSnapshot(loop),
        questions: loop.questions,
        extensionLoopId: loop.clientId,
        title: loop.videoTitle,
      }
    }
    const found = await quizzes.findQuestionSetByToken(source.token)
    const set = found?.set
    const usable = set && (set.ownerId === viewer.id || set.visibility !== 'group')
    if (!set || !usable)
      throw new AppError('SHARE_NOT_FOUND', { message: 'There is no quiz at this link.' })
    return { loop: set.loopData, questions: set.questions, extensionLoopId: null, title: set.title }
  }

  function assertScheduleAllowed(
    group: GroupRow,
    startsAt: Date,
    durationMinutes: number,
    checkNotice: boolean,
  ) {
    const problem = checkScheduleTime({
      startsAt,
      durationMinutes,
      now: now(),
      timeZone: group.timezone,
      settings: checkNotice ? group.settings : { ...group.settings, advance_notice_hours: 0 },
    })
    if (!problem) return
    const detail = (message: string) => ({
      message,
      details: [{ path: 'body.scheduledAt', message }],
    })
    if (problem.code === 'IN_THE_PAST') {
      throw new AppError('SCHEDULE_NOT_ALLOWED', detail('The start time has already passed.'))
    }
    if (problem.code === 'TOO_SOON') {
      throw new AppError(
        'SCHEDULE_NOT_ALLOWED',
        detail(
          `This group asks for ${group.settings.advance_notice_hours} hours' notice: start at ${problem.earliest.toISOString()} or later.`,
        ),
      )
    }
    throw new AppError(
      'SCHEDULE_NOT_ALLOWED',
      detail(
        `Sessions in this group must fit in its allowed times (${describeSlots(problem.slots)}, ${group.timezone}); ${startsAt.toISOString()} does not.`,
      ),
    )
  }

  async function toSessions(
    rows: SessionRow[],
    viewer: Viewer,
    group: GroupRow,
    role: Actor,
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
    return rows.map((row) => {
      const isCreator = row.createdBy === viewer.id
      const allowed = (event: SessionEvent, action: Parameters<typeof canActOnSession>[1]) =>
        nextStatus(row.status, event) !== null && canActOnSession(role, action, group, isCreator)
      const participation = mine.get(row.id)
      return {
        id: row.id,
        groupId: row.groupId,
        groupName: group.name,
        groupTimezone: group.timezone,
        sessionType: row.sessionType,
        status: row.status,
        mode: row.mode,
        title: row.title,
        description: row.description,
        loop: row.loopData,
        questionCount: row.questionsData.length,
        totalPoints: totalPoints(row.questionsData),
        shareToken: row.shareToken,
        joinUrl: joinUrlOf(row),
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
        series: null,
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
          canJoin: isOpen(row, now()).open,
          canEdit: allowed('reschedule', 'edit'),
          canStart: allowed('start', 'start'),
          canEnd: allowed('complete', 'end'),
          canCancel: allowed('cancel', 'cancel'),
          canApprove: allowed('approve', 'approve'),
          canSetLateWindow: false,
          timeChangeNeedsApproval: false,
        },
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      }
    })
  }

  async function toSession(row: SessionRow, viewer: Viewer, group: GroupRow, actor: Actor) {
    const [session] = await toSessions([row], viewer, group, actor)
    if (!session) throw new Error('toSessions dropped a row')
    return session
  }

  async function getOwnSession(groupId: string, sessionId: string, viewer: Viewer) {
    const member = await groups.membership(groupId, viewer)
    const row = await sessions.findSession(groupId, sessionId)
    if (!row) throw sessionNotFound()
    return { ...member, row }
  }

  /** Applies a state event atomically, or explains why it cannot happen now. */
  async function applyEvent(row: SessionRow, event: SessionEvent, changes: Partial<NewSessionRow>) {
    const updated = await sessions.transition(row.id, event, changes)
    if (updated) {
      changed(event, updated)
      return updated
    }
    const current = (await sessions.findSessionById(row.id)) ?? row
    throw new AppError('ILLEGAL_TRANSITION', { message: refusalMessage(current.status, event) })
  }

  async function applyWhenDue(
    sessionId: string,
    event: 'start' | 'complete',
    changes: Partial<NewSessionRow>,
    column: 'scheduledAt' | 'endsAt',
  ): Promise<SessionRow | null> {
    const updated = await sessions.transition(sessionId, event, changes, { column, at: now() })
    if (updated) changed(event, updated)
    return updated
  }

  async function createRows(
    viewer: Viewer,
    group: GroupRow,
    source: Awaited<ReturnType<typeof resolveSource>>,
    sessionRows: (common: Pick<NewSessionRow, 'questionSetId' | 'shareToken'>) => NewSessionRow[],
  ): Promise<SessionRow[]> {
    return sessions.transaction(async (tx) => {
      const set = await tx.insertQuestionSet({
        token: newSecretToken(),
        ownerId: viewer.id,
        title: source.title,
        loopData: source.loop,
        questions: source.questions,
        visibility: 'group',
        groupId: group.id,
      })
      return tx.insertSessions(sessionRows({ questionSetId: set.id, shareToken: set.token }))
    })
  }

  async function startInstant(
    viewer: Viewer,
    groupId: string,
    body: CreateInstantSessionBody & { extensionLoopId?: string | undefined },
  ) {
    const { group, actor, role } = await groups.membership(groupId, viewer)
    if (!can(actor, 'create_instant_session', group)) {
      throw new AppError('FORBIDDEN', {
        message: 'This group does not let you start instant sessions.',
      })
    }
    const source = await resolveSource(viewer, body.source)
    const startedAt = now()
    const [row] = await createRows(viewer, group, source, (common) => [
      {
        ...common,
        groupId,
        sessionType: 'instant',
        status: 'active',
        mode: body.mode,
        title: body.title ?? source.title,
        description: body.description,
        loopData: source.loop,
        questionsData: source.questions,
        extensionLoopId: body.extensionLoopId ?? source.extensionLoopId,
        scheduledAt: startedAt,
        startedAt,
        durationMinutes: body.durationMinutes,
        endsAt: new Date(startedAt.getTime() + body.durationMinutes * MINUTE),
        createdBy: viewer.id,
      },
    ])
    if (!row) throw new Error('no session row')
    changed('create', row)
    await timers.plan(row)
    return toSession(row, viewer, group, { kind: 'member', role })
  }

  async function schedule(
    viewer: Viewer,
    groupId: string,
    body: ScheduleSessionBody & { extensionLoopId?: string | undefined },
  ) {
    const { group, actor, role } = await groups.membership(groupId, viewer)
    if (!can(actor, 'schedule_session', group)) {
      throw new AppError('FORBIDDEN', { message: 'This group does not let you schedule sessions.' })
    }
    const firstStartsAt = new Date(body.scheduledAt)
    assertScheduleAllowed(group, firstStartsAt, body.durationMinutes, true)
    let starts = [firstStartsAt]
    if (body.recurrenceRule) {
      const parsed = parseRecurrenceRule(body.recurrenceRule)
      if (!parsed.ok) {
        throw new AppError('INVALID_RECURRENCE', {
          message: `recurrenceRule: ${parsed.message}`,
          details: [{ path: 'body.recurrenceRule', message: parsed.message }],
        })
      }
      starts = occurrencesBetween({
        rule: body.recurrenceRule,
        firstStartsAt,
        timeZone: group.timezone,
        from: firstStartsAt,
        to: new Date(firstStartsAt.getTime() + horizonMs),
        limit: MAX_OCCURRENCES_AT_ONCE,
      })
      if (starts.length === 0 || starts[0]?.getTime() !== firstStartsAt.getTime())
        starts = [firstStartsAt, ...starts]
      for (const start of starts.slice(1))
        assertScheduleAllowed(group, start, body.durationMinutes, false)
    }
    const source = await resolveSource(viewer, body.source)
    const status = sessionNeedsApproval(role, group.settings) ? 'pending_approval' : 'scheduled'
    const seriesId = body.recurrenceRule ? crypto.randomUUID() : null
    const rows = await createRows(viewer, group, source, (common) =>
      starts.map((startsAt, index) => ({
        ...common,
        // The first occurrence carries the series' id, so the series is found from any occurrence.
        ...(seriesId && index === 0 ? { id: seriesId } : {}),
        groupId,
        sessionType: seriesId ? ('recurring' as const) : ('scheduled' as const),
        status,
        mode: body.mode,
        title: body.title ?? source.title,
        description: body.description,
        loopData: source.loop,
        questionsData: source.questions,
        extensionLoopId: body.extensionLoopId ?? source.extensionLoopId,
        scheduledAt: startsAt,
        durationMinutes: body.durationMinutes,
        endsAt: new Date(startsAt.getTime() + body.durationMinutes * MINUTE),
        recurrenceRule: body.recurrenceRule ?? null,
        seriesId,
        createdBy: viewer.id,
      })),
    )
    for (const row of rows) {
      changed('create', row)
      if (row.status === 'scheduled') await timers.plan(row)
    }
    const first = rows[0]
    if (!first) throw new Error('no session row')
    return toSession(first, viewer, group, { kind: 'member', role })
  }

  return {
    createInstant: (groupId: string, viewer: Viewer, body: CreateInstantSessionBody) =>
      startInstant(viewer, groupId, body),

    schedule: (groupId: string, viewer: Viewer, body: ScheduleSessionBody) =>
      schedule(viewer, groupId, body),

    async createFromExtension(
      viewer: Viewer,
      body: CreateExtensionSessionBody,
    ): Promise<GroupSession> {
      const source: SessionSource = { kind: 'manual', loop: body.loop, questions: body.questions }
      const common = {
        ...(body.title === undefined ? {} : { title: body.title }),
        description: body.description,
        mode: body.mode,
        durationMinutes: body.durationMinutes,
        source,
        extensionLoopId: body.extensionLoopId,
      }
      if (body.kind === 'instant') return startInstant(viewer, body.groupId, common)
      if (!body.scheduledAt) {
        throw new AppError('VALIDATION_FAILED', {
          message: 'body.scheduledAt: a scheduled session needs a start time',
          details: [
            { path: 'body.scheduledAt', message: 'a scheduled session needs a start time' },
          ],
        })
      }
      return schedule(viewer, body.groupId, { ...common, scheduledAt: body.scheduledAt })
    },

    async find(groupId: string, viewer: Viewer, query: FindSessionsQuery) {
      const { group, role } = await groups.membership(groupId, viewer)
      const rows = await sessions.findSessions(
        groupId,
        {
          status: query.status,
          type: query.type,
          createdBy: query.createdBy,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
          order: query.order,
        },
        query.limit + 1,
        decodeCursor(query.cursor),
      )
      const page = toPage(
        rows,
        query.limit,
        (row) => ({ at: new Date(row.when), id: row.session.id }),
        (row) => row.session,
      )
      return {
        items: await toSessions(page.items, viewer, group, { kind: 'member', role }),
        nextCursor: page.nextCursor,
      }
    },

    async get(groupId: string, sessionId: string, viewer: Viewer): Promise<GroupSessionDetail> {
      const { group, role, row } = await getOwnSession(groupId, sessionId, viewer)
      const session = await toSession(row, viewer, group, { kind: 'member', role })
      return { ...session, questions: row.questionsData.map(toPublicQuestion) }
    },

    async update(groupId: string, sessionId: string, viewer: Viewer, changes: UpdateSessionBody) {
      const { group, role, actor, row } = await getOwnSession(groupId, sessionId, viewer)
      if (!canActOnSession(actor, 'edit', group, row.createdBy === viewer.id)) {
        throw new AppError('FORBIDDEN', {
          message: 'Only its creator, the owner and admins can edit this session.',
        })
      }
      const scheduledAt = changes.scheduledAt ? new Date(changes.scheduledAt) : row.scheduledAt
      const durationMinutes = changes.durationMinutes ?? row.durationMinutes
      const timeChanged =
        scheduledAt?.getTime() !== row.scheduledAt?.getTime() ||
        durationMinutes !== row.durationMinutes
      if (timeChanged && scheduledAt)
        assertScheduleAllowed(group, scheduledAt, durationMinutes, true)
      const updated = await applyEvent(row, 'reschedule', {
        ...(changes.title === undefined ? {} : { title: changes.title }),
        ...(changes.description === undefined ? {} : { description: changes.description }),
        ...(changes.mode === undefined ? {} : { mode: changes.mode }),
        scheduledAt,
        durationMinutes,
        endsAt: scheduledAt
          ? new Date(scheduledAt.getTime() + durationMinutes * MINUTE)
          : row.endsAt,
        // Calendar clients replace an event only when its SEQUENCE grows.
        icsSequence: row.icsSequence + 1,
        ...(timeChanged ? { remindedAt: null } : {}),
      })
      if (timeChanged && updated.status === 'scheduled') await timers.plan(updated)
      return toSession(updated, viewer, group, { kind: 'member', role })
    },

    async act(
      groupId: string,
      sessionId: string,
      viewer: Viewer,
      action: 'cancel' | 'approve' | 'reject' | 'start' | 'end',
    ) {
      const { group, role, actor, row } = await getOwnSession(groupId, sessionId, viewer)
      const permission = action === 'reject' ? 'approve' : action
      if (!canActOnSession(actor, permission, group, row.createdBy === viewer.id)) {
        throw new AppError('FORBIDDEN', {
          message:
            permission === 'approve'
              ? 'Only the owner and admins can approve sessions.'
              : 'Only its creator, the owner and admins can do this.',
        })
      }
      const at = now()
      let updated: SessionRow
      switch (action) {
        case 'cancel':
          updated = await applyEvent(row, 'cancel', {
            status: 'cancelled',
            cancelledAt: at,
            icsSequence: row.icsSequence + 1,
          })
          break
        case 'reject':
          updated = await applyEvent(row, 'reject', {
            status: 'cancelled',
            cancelledAt: at,
            icsSequence: row.icsSequence + 1,
          })
          break
        case 'approve':
          updated = await applyEvent(row, 'approve', { status: 'scheduled', approvedBy: viewer.id })
          await timers.plan(updated)
          break
        case 'start':
          updated = await applyEvent(row, 'start', {
            status: 'active',
            startedAt: at,
            endsAt: new Date(at.getTime() + row.durationMinutes * MINUTE),
          })
          await timers.plan(updated)
          break
        case 'end':
          updated = await applyEvent(row, 'complete', { status: 'completed', completedAt: at })
          break
      }
      return toSession(updated, viewer, group, { kind: 'member', role })
    },

    /** Joins an open session; returns the member's attempt id (the same one on every join). */
    async join(groupId: string, sessionId: string, viewer: Viewer): Promise<string> {
      const { row } = await getOwnSession(groupId, sessionId, viewer)
      const at = now()
      const { open, late } = isOpen(row, at)
      if (!open) {
        throw new AppError('SESSION_NOT_OPEN', {
          message:
            row.status === 'scheduled' || row.status === 'pending_approval'
              ? 'This session has not started yet.'
              : 'This session is over.',
        })
      }
      return sessions.joinSession({
        session: row,
        userId: viewer.id,
        displayName: viewer.name,
        attemptId: newSecretToken(),
        maxScore: totalPoints(row.questionsData),
        late,
        now: at,
      })
    },

    async participants(groupId: string, sessionId: string, viewer: Viewer): Promise<Participant[]> {
      await getOwnSession(groupId, sessionId, viewer)
      const rows = await sessions.findParticipants(sessionId)
      return rows.map((row) => ({
        userId: row.participant.userId,
        name: row.name,
        joinedAt: row.participant.joinedAt.toISOString(),
        lastSeenAt: row.participant.lastSeenAt.toISOString(),
        answeredCount: row.answeredCount,
        score: row.score,
        maxScore: row.maxScore,
        completedAt: row.participant.completedAt?.toISOString() ?? null,
        late: row.participant.late,
        leftGroup: false,
      }))
    },

    async results(groupId: string, sessionId: string, viewer: Viewer): Promise<SessionResults> {
      const { row } = await getOwnSession(groupId, sessionId, viewer)
      const participants = await this.participants(groupId, sessionId, viewer)
      const stats = new Map(
        (await sessions.findAnswerStats(sessionId)).map((s) => [s.questionId, s]),
      )
      let rank = 0
      let previous: number | null = null
      const ranked = participants.map((participant, index) => {
        if (participant.score !== previous) rank = index + 1
        previous = participant.score
        return { ...participant, rank }
      })
      return {
        sessionId,
        status: row.status,
        totalPoints: totalPoints(row.questionsData),
        memberCount: await sessions.countMembers(groupId),
        participants: ranked,
        averageScore:
          participants.length === 0
            ? null
            : participants.reduce((sum, p) => sum + p.score, 0) / participants.length,
        questions: row.questionsData.map((question) => ({
          questionId: question.id,
          prompt: question.prompt,
          answeredCount: stats.get(question.id)?.answered ?? 0,
          correctCount: stats.get(question.id)?.correct ?? 0,
        })),
      }
    },

    async stats(groupId: string, viewer: Viewer): Promise<SessionStats> {
      await groups.membership(groupId, viewer)
      const completed = await sessions.findCompletedStats(groupId)
      const members = await sessions.countMembers(groupId)
      const scored = completed.filter((s) => s.maxSum > 0)
      return {
        held: completed.length,
        upcoming: await sessions.countUpcoming(groupId),
        participationRate:
          completed.length === 0 || members === 0
            ? null
            : Math.min(
                1,
                completed.reduce((sum, s) => sum + s.participants, 0) /
                  (completed.length * members),
              ),
        averageScoreRate:
          scored.length === 0
            ? null
            : scored.reduce((sum, s) => sum + s.scoreSum, 0) /
              scored.reduce((sum, s) => sum + s.maxSum, 0),
      }
    },

    async findForUser(
      viewer: Viewer,
      scope: 'active' | 'upcoming' | 'recent',
      limit: number,
    ): Promise<GroupSession[]> {
      const mine = await groups.memberships(viewer)
      const byId = new Map(mine.map((m) => [m.group.id, m]))
      const statuses: SessionRow['status'][] =
        scope === 'active'
          ? ['active']
          : scope === 'upcoming'
            ? ['scheduled', 'pending_approval']
            : ['completed']
      const rows = await sessions.findSessionsOfGroups(
        [...byId.keys()],
        statuses,
        scope === 'recent' ? 'desc' : 'asc',
        limit,
      )
      const result: GroupSession[] = []
      for (const row of rows) {
        const membership = byId.get(row.groupId)
        if (!membership) continue
        result.push(
          await toSession(row, viewer, membership.group, { kind: 'member', role: membership.role }),
        )
      }
      return result
    },

    /** What the quiz module asks before taking an answer into a session attempt. */
    gate: {
      isGroupMember: async (groupId: string, userId: string) =>
        (await groups.roleOf(groupId, userId)) !== null,
      async assertOpenForAnswers(sessionId: string, userId: string): Promise<void> {
        const row = await sessions.findSessionById(sessionId)
        if (!row || !isOpen(row, now()).open) {
          throw new AppError('SESSION_NOT_OPEN', {
            message: 'This session is over; it takes no more answers.',
          })
        }
        await sessions.touchParticipant(sessionId, userId, false)
      },
      recordFinished: (sessionId: string, userId: string) =>
        sessions.touchParticipant(sessionId, userId, true),
      async isClosed(sessionId: string): Promise<boolean> {
        const row = await sessions.findSessionById(sessionId)
        if (!row) return true
        const closed = row.status === 'completed' || row.status === 'cancelled'
        return closed && !isOpen(row, now()).open
      },
    },

    /**
     * Job handlers. The state and the time are checked in the same conditional update, so a
     * job that runs twice, late, or after a reschedule changes nothing.
     */
    startDue: (sessionId: string) =>
      applyWhenDue(sessionId, 'start', { status: 'active', startedAt: now() }, 'scheduledAt'),

    completeDue: (sessionId: string) =>
      applyWhenDue(sessionId, 'complete', { status: 'completed', completedAt: now() }, 'endsAt'),

    async remind(sessionId: string): Promise<SessionRow | null> {
      const reminded = await sessions.markReminded(sessionId)
      if (reminded) changed('remind', reminded)
      return reminded
    },

    /**
     * Keeps each open-ended recurring series materialised up to the horizon. A series whose
     * latest occurrence was cancelled is taken as stopped.
     */
    async extendSeries(): Promise<number> {
      const horizon = new Date(now().getTime() + horizonMs)
      let added = 0
      for (const last of await sessions.findSeriesEndingBefore(horizon)) {
        const head = last.seriesId ? await sessions.findSessionById(last.seriesId) : null
        const found = await groups.findGroupRow(last.groupId)
        if (!head?.scheduledAt || !last.scheduledAt || !last.recurrenceRule || !found) continue
        const starts = occurrencesBetween({
          rule: last.recurrenceRule,
          firstStartsAt: head.scheduledAt,
          timeZone: found.timezone,
          from: new Date(last.scheduledAt.getTime() + 1),
          to: horizon,
          limit: MAX_OCCURRENCES_AT_ONCE,
        })
        if (starts.length === 0) continue
        const { id: _id, createdAt: _c, updatedAt: _u, ...template } = last
        const rows = await sessions.insertSessions(
          starts.map((startsAt) => ({
            ...template,
            status: head.status === 'pending_approval' ? 'pending_approval' : 'scheduled',
            scheduledAt: startsAt,
            endsAt: new Date(startsAt.getTime() + last.durationMinutes * MINUTE),
            startedAt: null,
            completedAt: null,
            cancelledAt: null,
            remindedAt: null,
            icsSequence: 0,
          })),
        )
        for (const row of rows) {
          changed('create', row)
          if (row.status === 'scheduled') await timers.plan(row)
        }
        added += rows.length
      }
      return added
    },

    async sweep(): Promise<{ started: number; completed: number }> {
      const due = await sessions.findDue(now())
      let started = 0
      let completed = 0
      for (const id of due.toStart) if (await this.startDue(id)) started++
      for (const id of due.toComplete) if (await this.completeDue(id)) completed++
      return { started, completed }
    },
  }
}

export type SessionsService = ReturnType<typeof createSessionsService>
