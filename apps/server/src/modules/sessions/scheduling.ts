import {
  type CreateExtensionSessionBody,
  type CreateInstantSessionBody,
  defaultSessionOptions,
  type GroupSession,
  type LoopSnapshot,
  type Question,
  type ScheduleSessionBody,
  type SessionSource,
  type ShowAnswersPolicy,
} from '@loopquiz/contract'
import { assignQuestionIds } from '../../domain/grading.ts'
import { can, sessionRulesFor } from '../../domain/permissions.ts'
import { occurrencesBetween, parseRecurrenceRule } from '../../domain/recurrence.ts'
import { AppError } from '../../lib/app-error.ts'
import { newSecretToken, newShortId } from '../../lib/tokens.ts'
import type { GroupRow } from '../groups/groups.repository.ts'
import { toLoopSnapshot } from '../loops/loops.service.ts'
import {
  MAX_OCCURRENCES_AT_ONCE,
  MINUTE,
  type SessionContext,
  type Viewer,
} from './session-context.ts'
import type { NewSessionRow, SessionRow } from './sessions.repository.ts'

interface ResolvedSource {
  loop: LoopSnapshot
  questions: Question[]
  extensionLoopId: string | null
  title: string
  /** A shared link's answer-key policy carries over to the session's copy. */
  showAnswers: ShowAnswersPolicy
}

type WithExtensionLoop<T> = T & { extensionLoopId?: string | undefined }

type SharedFields = Required<
  Pick<
    NewSessionRow,
    | 'questionSetId'
    | 'shareToken'
    | 'groupId'
    | 'mode'
    | 'options'
    | 'title'
    | 'description'
    | 'loopData'
    | 'questionsData'
    | 'extensionLoopId'
    | 'durationMinutes'
    | 'createdBy'
  >
>

/** Creating sessions: instant, scheduled (optionally recurring), and from the extension. */
export function createSchedulingOperations(ctx: SessionContext) {
  const { sessions, loops, quizzes, timers, now, changed } = ctx

  async function resolveSource(viewer: Viewer, source: SessionSource): Promise<ResolvedSource> {
    if (source.kind === 'manual') {
      return {
        loop: source.loop,
        questions: assignQuestionIds(source.questions, newShortId),
        extensionLoopId: null,
        title: source.loop.videoTitle,
        showAnswers: 'after_each_answer',
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
        showAnswers: 'after_each_answer',
      }
    }
    const found = await quizzes.findQuestionSetByToken(source.token)
    const set = found?.set
    // Another group's session copy is invisible here, as it is everywhere outside that group.
    const usable = set && (set.ownerId === viewer.id || set.visibility !== 'group')
    if (!set || !usable)
      throw new AppError('SHARE_NOT_FOUND', { message: 'There is no quiz at this link.' })
    if (set.expiresAt !== null && set.expiresAt.getTime() <= now().getTime()) {
      throw new AppError('SHARE_EXPIRED', {
        message: `This quiz link expired on ${set.expiresAt.toISOString()}; it cannot start a session.`,
        details: [{ path: 'body.source.token', message: 'this link has expired' }],
      })
    }
    if (set.disabledAt !== null) {
      throw new AppError('SHARE_DISABLED', {
        message: 'This quiz link was turned off by its author; it cannot start a session.',
        details: [{ path: 'body.source.token', message: 'this link is turned off' }],
      })
    }
    return {
      loop: set.loopData,
      questions: set.questions,
      extensionLoopId: null,
      title: set.title,
      showAnswers: set.showAnswers,
    }
  }

  /**
   * The session copy of the questions and the session rows on it, in one transaction. Each row
   * gets what every new session takes from the request and its source; `timing` adds its own
   * state and times.
   */
  async function createRows(
    viewer: Viewer,
    group: GroupRow,
    source: ResolvedSource,
    body: WithExtensionLoop<Omit<CreateInstantSessionBody, 'source'>>,
    timing: Omit<NewSessionRow, keyof SharedFields>[],
  ): Promise<SessionRow[]> {
    return sessions.transaction(async (tx) => {
      const set = await tx.insertQuestionSet({
        token: newSecretToken(),
        ownerId: viewer.id,
        title: source.title,
        loopData: source.loop,
        questions: source.questions,
        visibility: 'group',
        showAnswers: source.showAnswers,
        groupId: group.id,
      })
      const shared: SharedFields = {
        questionSetId: set.id,
        shareToken: set.token,
        groupId: group.id,
        mode: body.mode,
        options: body.options ?? defaultSessionOptions,
        title: body.title ?? source.title,
        description: body.description,
        loopData: source.loop,
        questionsData: source.questions,
        extensionLoopId: body.extensionLoopId ?? source.extensionLoopId,
        durationMinutes: body.durationMinutes,
        createdBy: viewer.id,
      }
      return tx.insertSessions(timing.map((row) => ({ ...shared, ...row })))
    })
  }

  async function createInstant(
    viewer: Viewer,
    groupId: string,
    body: WithExtensionLoop<CreateInstantSessionBody>,
  ): Promise<GroupSession> {
    const access = await ctx.access(groupId, viewer)
    const { group, actor, role } = access
    if (!can(actor, 'create_instant_session', group)) {
      throw new AppError('FORBIDDEN', {
        message: 'This group does not let you start instant sessions.',
      })
    }
    const rules = sessionRulesFor(role, group.settings, 'instant')
    if (rules.needsApproval) {
      throw new AppError('APPROVAL_REQUIRED', {
        message:
          'In this group an owner or admin approves sessions by members, and an instant session cannot wait for that. Schedule the session instead: it is sent for approval.',
      })
    }
    ctx.assertStartNowAllowed(group, rules, body.durationMinutes)
    const source = await resolveSource(viewer, body.source)
    const startedAt = now()
    const [row] = await createRows(viewer, group, source, body, [
      {
        sessionType: 'instant',
        status: 'active',
        scheduledAt: startedAt,
        startedAt,
        endsAt: new Date(startedAt.getTime() + body.durationMinutes * MINUTE),
      },
    ])
    if (!row) throw new Error('no session row')
    changed('create', row, viewer.id)
    await timers.plan(row)
    return ctx.toSession(row, viewer, access)
  }

  /** The starts of a new session or series: the first, then the rule's, each within the rules. */
  function plannedStarts(
    group: GroupRow,
    body: ScheduleSessionBody,
    rules: ReturnType<typeof sessionRulesFor>,
  ): Date[] {
    const firstStartsAt = new Date(body.scheduledAt)
    ctx.assertScheduleAllowed(group, rules, firstStartsAt, body.durationMinutes)
    if (!body.recurrenceRule) return [firstStartsAt]
    const parsed = parseRecurrenceRule(body.recurrenceRule)
    if (!parsed.ok) {
      throw new AppError('INVALID_RECURRENCE', {
        message: `recurrenceRule: ${parsed.message}`,
        details: [{ path: 'body.recurrenceRule', message: parsed.message }],
      })
    }
    let starts = occurrencesBetween({
      rule: body.recurrenceRule,
      firstStartsAt,
      timeZone: group.timezone,
      from: firstStartsAt,
      to: new Date(firstStartsAt.getTime() + ctx.horizonMs),
      limit: MAX_OCCURRENCES_AT_ONCE,
    })
    if (starts.length === 0 || starts[0]?.getTime() !== firstStartsAt.getTime())
      starts = [firstStartsAt, ...starts]
    for (const start of starts.slice(1)) {
      ctx.assertScheduleAllowed(group, rules, start, body.durationMinutes, 'body.recurrenceRule')
    }
    return starts
  }

  async function schedule(
    viewer: Viewer,
    groupId: string,
    body: WithExtensionLoop<ScheduleSessionBody>,
  ): Promise<GroupSession> {
    const access = await ctx.access(groupId, viewer)
    const { group, actor, role } = access
    if (!can(actor, 'schedule_session', group)) {
      throw new AppError('FORBIDDEN', { message: 'This group does not let you schedule sessions.' })
    }
    const rules = sessionRulesFor(role, group.settings, 'schedule')
    const starts = plannedStarts(group, body, rules)
    const source = await resolveSource(viewer, body.source)
    const status = rules.needsApproval ? 'pending_approval' : 'scheduled'
    const seriesId = body.recurrenceRule ? crypto.randomUUID() : null
    const rows = await createRows(
      viewer,
      group,
      source,
      body,
      starts.map((startsAt, index) => ({
        // The first occurrence carries the series' id, so the series is found from any occurrence.
        ...(seriesId && index === 0 ? { id: seriesId } : {}),
        sessionType: seriesId ? ('recurring' as const) : ('scheduled' as const),
        status,
        scheduledAt: startsAt,
        endsAt: new Date(startsAt.getTime() + body.durationMinutes * MINUTE),
        recurrenceRule: body.recurrenceRule ?? null,
        seriesId,
        occurrenceStart: seriesId ? startsAt : null,
      })),
    )
    for (const row of rows) {
      changed('create', row, viewer.id)
      await timers.plan(row)
    }
    const first = rows[0]
    if (!first) throw new Error('no session row')
    return ctx.toSession(first, viewer, access)
  }

  return {
    createInstant: (groupId: string, viewer: Viewer, body: CreateInstantSessionBody) =>
      createInstant(viewer, groupId, body),

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
        ...(body.options === undefined ? {} : { options: body.options }),
        durationMinutes: body.durationMinutes,
        source,
        extensionLoopId: body.extensionLoopId,
      }
      if (body.kind === 'instant') return createInstant(viewer, body.groupId, common)
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
  }
}
