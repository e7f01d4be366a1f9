import type {
  GroupSession,
  LiveAction,
  LiveState,
  MyStanding,
  Question,
  SessionOptions,
} from '@loopquiz/contract'
import { correctAnswerOf } from '../../domain/grading.ts'
import {
  applyLiveAction,
  checkLiveAnswer,
  effectivePhase,
  type LiveRecord,
  liveRefusalMessage,
  questionLimitMs,
} from '../../domain/live-state.ts'
import { AppError } from '../../lib/app-error.ts'
import { createLoadingCache } from '../../lib/loading-cache.ts'
import type { LiveAnswerWindow } from '../quizzes/quizzes.service.ts'
import type { LiveRepository, LiveRow, StandingRow } from './live.repository.ts'
import type { SessionContext, Viewer } from './session-context.ts'
import type { SessionRow } from './sessions.repository.ts'

/** What live play needs beyond the sessions module's shared context. */
export interface LiveDeps {
  live: LiveRepository
  /** Pushes a new state to everyone in the session. */
  onState?: (state: LiveState) => void
  /** Pushes each participant their own standing (leaderboard and podium). */
  onStandings?: (sessionId: string, standings: MyStanding[]) => void
  /** Tells every node (this one included) to drop what it caches of the session. */
  markStale?: (sessionId: string) => void
  /** Subscribes to those drops, from any node. */
  onStale?: (listener: (sessionId: string) => void) => void
  /** The durable backstop of a question's lock: a job that runs `lockDue` at the deadline. */
  scheduleLock?: (sessionId: string, deadline: Date, version: number) => Promise<void>
  /** Told of a failure nobody waits for (a timer's lock, the backstop's scheduling). */
  onError?: (error: unknown, context: string) => void
  /** The quiz clock: answers are timed on it, so deadlines are too. */
  now?: () => Date
}

/** What the answer gate keeps per node of a live session: enough to time an answer without a query. */
interface GateEntry {
  record: LiveRecord | null
  questionIds: string[]
  limitsMs: number[]
  scoring: SessionOptions['scoring']
}

/** Sessions whose gate entry one node keeps at most; the oldest go first. */
const GATE_CACHE_SIZE = 2000
/** Every change drops the entry; the expiry only bounds one whose drop was lost (a node's restart). */
const GATE_CACHE_TTL_MS = 60_000
/** Fires a lock timer this much after the deadline, so it never finds the question still running. */
const TIMER_SLACK_MS = 5

const notLive = () =>
  new AppError('LIVE_ACTION_NOT_ALLOWED', {
    message: 'This session is self-paced: it has no live play to host.',
  })

const changedMeanwhile = () =>
  new AppError('LIVE_ACTION_NOT_ALLOWED', {
    message:
      'Another host changed the live session at the same moment; look at where it is now and try again if you still want to.',
  })

const notRunning: Record<SessionRow['status'], string> = {
  pending_approval: 'This session is waiting for approval; it can be hosted once it has started.',
  scheduled: 'This session has not started yet: start the session first, then start the game.',
  active: '',
  completed: 'This session is over, so its live game cannot change any more.',
  cancelled: 'This session was cancelled.',
}

/**
 * Live (host-paced) play: everyone sees the same question; the host moves it on; a question
 * locks at its deadline; answers count only while it runs. The rules are in domain/live-state;
 * this file reads and writes the state (a conditional update on its version, so racing hosts
 * or nodes cannot both win), times each lock and pushes every change.
 */
export function createLive(ctx: SessionContext, deps: LiveDeps) {
  const { live: repo } = deps
  const now = deps.now ?? ctx.now
  const reportError = deps.onError ?? (() => {})
  const gateCache = createLoadingCache((sessionId) => loadGateEntry(sessionId), {
    ttlMs: GATE_CACHE_TTL_MS,
    maxEntries: GATE_CACHE_SIZE,
  })
  const lockTimers = new Map<string, ReturnType<typeof setTimeout>>()
  deps.onStale?.((sessionId) => gateCache.delete(sessionId))

  const limitsOf = (row: SessionRow) => row.questionsData.map(questionLimitMs)
  const isOver = (row: SessionRow) => row.status === 'completed' || row.status === 'cancelled'

  function lobbyOf(sessionId: string): LiveRow {
    return {
      sessionId,
      phase: 'lobby',
      questionIndex: null,
      openedAt: null,
      deadline: null,
      pausedRemainingMs: null,
      version: 0,
      updatedAt: new Date(0),
    }
  }

  /** Answers per option id (or 'true'/'false'), and how many were right. */
  async function revealOf(sessionId: string, question: Question) {
    const rows = await repo.findResponseCounts(
      sessionId,
      question.id,
      question.type !== 'short_text',
    )
    const distribution: Record<string, number> = {}
    if (question.type === 'single' || question.type === 'multiple') {
      for (const option of question.options) distribution[option.id] = 0
    }
    if (question.type === 'true_false') Object.assign(distribution, { true: 0, false: 0 })
    let correctCount = 0
    for (const { response, isCorrect, n } of rows) {
      if (isCorrect) correctCount += n
      if (question.type === 'short_text' || response === null) continue
      for (const value of Array.isArray(response) ? response : [response]) {
        const key = String(value)
        if (key in distribution) distribution[key] = (distribution[key] ?? 0) + n
      }
    }
    return {
      questionId: question.id,
      correctAnswer: correctAnswerOf(question),
      explanation: question.explanation ?? null,
      distribution,
      correctCount,
    }
  }

  /** The state everyone in the session sees now; the standings too at the leaderboard and podium. */
  async function buildState(
    row: SessionRow,
    record: LiveRow,
  ): Promise<{ state: LiveState; standings: StandingRow[] | null }> {
    const at = now()
    const phase = effectivePhase(record, at, isOver(row))
    const question =
      record.questionIndex === null ? null : (row.questionsData[record.questionIndex] ?? null)
    const ranked = phase === 'leaderboard' || phase === 'podium'
    const [answeredCount, participantCount, standings] = await Promise.all([
      question ? repo.countAnswers(row.id, question.id) : 0,
      repo.countParticipants(row.id),
      ranked ? repo.findStandings(row.id, question?.id ?? null) : null,
    ])
    const showsKey = question !== null && (phase === 'revealed' || ranked)
    const state: LiveState = {
      sessionId: row.id,
      phase,
      questionIndex: record.questionIndex,
      questionId: question?.id ?? null,
      questionCount: row.questionsData.length,
      openedAt: record.openedAt?.toISOString() ?? null,
      deadline: record.deadline?.toISOString() ?? null,
      pausedRemainingMs: phase === 'paused' ? record.pausedRemainingMs : null,
      answeredCount,
      participantCount,
      reveal: showsKey ? await revealOf(row.id, question) : null,
      leaderboard: standings ? standings.slice(0, phase === 'podium' ? 3 : 10) : null,
      scoring: row.options.scoring,
      version: record.version,
      serverNow: at.toISOString(),
    }
    return { state, standings }
  }

  /** Tells every node the state changed, then everyone in the session what it is now. */
  async function publish(row: SessionRow, record: LiveRow): Promise<LiveState> {
    deps.markStale?.(row.id)
    const { state, standings } = await buildState(row, record)
    deps.onState?.(state)
    if (standings) {
      deps.onStandings?.(
        row.id,
        standings.map((standing) => ({
          ...standing,
          sessionId: row.id,
          participantCount: state.participantCount,
        })),
      )
    }
    return state
  }

  function clearLockTimer(sessionId: string) {
    const timer = lockTimers.get(sessionId)
    if (timer) clearTimeout(timer)
    lockTimers.delete(sessionId)
  }

  /**
   * A question that opened locks at its deadline: a timer on this node pushes it on time, and a
   * job makes sure it happens if this node goes away. Both try the same conditional update.
   */
  async function planLock(record: LiveRow) {
    clearLockTimer(record.sessionId)
    const { deadline, sessionId, version } = record
    if (record.phase !== 'question' || !deadline) return
    const delay = Math.max(0, deadline.getTime() - now().getTime()) + TIMER_SLACK_MS
    const timer = setTimeout(() => {
      lockTimers.delete(sessionId)
      lockDue(sessionId, version).catch((error: unknown) => reportError(error, 'live lock timer'))
    }, delay)
    // A pending lock must not keep a process alive that is shutting down; the job covers it.
    timer.unref()
    lockTimers.set(sessionId, timer)
    try {
      await deps.scheduleLock?.(sessionId, deadline, version)
    } catch (error) {
      reportError(error, 'scheduling the live lock job')
    }
  }

  /**
   * Locks the question opened at `version` if its deadline has passed. `early` when it has not
   * yet (a job that ran ahead of the app's clock retries); null when something else moved on.
   */
  async function lockDue(sessionId: string, version: number): Promise<LiveRow | 'early' | null> {
    const current = await repo.findLiveState(sessionId)
    if (!current || current.version !== version || current.phase !== 'question') return null
    if (!current.deadline) return null
    const at = now()
    if (at.getTime() < current.deadline.getTime()) return 'early'
    const locked = await repo.updateLiveState(
      sessionId,
      version,
      { ...current, phase: 'locked', pausedRemainingMs: null },
      at,
    )
    if (!locked) return null
    const row = await ctx.sessions.findSessionById(sessionId)
    if (row) await publish(row, locked)
    return locked
  }

  async function getLiveSession(groupId: string, sessionId: string, viewer: Viewer) {
    const found = await ctx.getOwnSession(groupId, sessionId, viewer)
    if (found.row.mode !== 'live') throw notLive()
    return found
  }

  /** Where a live session is, for any member of its group; the key only from `revealed` on. */
  async function getLiveState(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
  ): Promise<LiveState> {
    const { row } = await getLiveSession(groupId, sessionId, viewer)
    const record = (await repo.findLiveState(row.id)) ?? lobbyOf(row.id)
    return (await buildState(row, record)).state
  }

  /** A host moves the live game on; the state machine decides what the action may do now. */
  async function actOnLive(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
    action: LiveAction,
  ): Promise<LiveState> {
    const { row } = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'host')
    if (row.mode !== 'live') throw notLive()
    if (row.status !== 'active') {
      throw new AppError('LIVE_ACTION_NOT_ALLOWED', { message: notRunning[row.status] })
    }
    const current = await repo.findOrCreateLiveState(row.id)
    const outcome = applyLiveAction(current, action, { at: now(), limitsMs: limitsOf(row) })
    if (!outcome.ok) throw new AppError('LIVE_ACTION_NOT_ALLOWED', { message: outcome.message })
    const updated = await repo.updateLiveState(row.id, current.version, outcome.next)
    if (!updated) {
      const fresh = await repo.findLiveState(row.id)
      const phase = fresh ? effectivePhase(fresh, now()) : 'lobby'
      throw fresh && applyLiveAction(fresh, action, { at: now(), limitsMs: limitsOf(row) }).ok
        ? changedMeanwhile()
        : new AppError('LIVE_ACTION_NOT_ALLOWED', { message: liveRefusalMessage(phase, action) })
    }
    if (outcome.opensQuestion) await planLock(updated)
    else clearLockTimer(row.id)
    let session = row
    if (outcome.endsSession) {
      // The podium is the end: results become final and the session takes no more answers.
      const ended = await ctx.sessions.transition(row.id, 'complete', {
        status: 'completed',
        completedAt: now(),
      })
      if (ended) {
        ctx.changed('complete', ended)
        session = ended
      }
    }
    return publish(session, updated)
  }

  /**
   * A live session that ended another way (its planned end came, the host ended or cancelled
   * it) goes to its podium, so everyone in it sees the end and the final standings.
   */
  async function settleEnded(session: SessionRow): Promise<void> {
    if (session.mode !== 'live') return
    const current = await repo.findLiveState(session.id)
    if (!current || current.phase === 'podium' || current.phase === 'lobby') return
    const podium = await repo.updateLiveState(session.id, current.version, {
      ...current,
      phase: 'podium',
      pausedRemainingMs: null,
    })
    if (!podium) return
    clearLockTimer(session.id)
    await publish(session, podium)
  }

  async function loadGateEntry(sessionId: string): Promise<GateEntry | null> {
    const row = await ctx.sessions.findSessionById(sessionId)
    if (row?.mode !== 'live') return null
    return {
      record: await repo.findLiveState(sessionId),
      questionIds: row.questionsData.map((question) => question.id),
      limitsMs: limitsOf(row),
      scoring: row.options.scoring,
    }
  }

  /**
   * The gate of every answer in a live session, so on the hot path: served from this node's
   * cache, which every change of the state (on any node) drops.
   */
  async function answerWindow(
    sessionId: string,
    questionId: string,
    at: Date,
  ): Promise<LiveAnswerWindow | null> {
    const gate = await gateCache.get(sessionId)
    if (!gate) return null
    const check = gate.record
      ? checkLiveAnswer(gate.record, gate.questionIds, gate.limitsMs, questionId, at)
      : ({ ok: false, message: 'The host has not opened a question yet.' } as const)
    if (!check.ok) throw new AppError('QUESTION_LOCKED', { message: check.message })
    return { deadline: check.deadline, limitMs: check.limitMs, scoring: gate.scoring }
  }

  /** Gives an active session more time: its end (and the job that ends it) moves later. */
  async function extend(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
    minutes: number,
  ): Promise<GroupSession> {
    const found = await ctx.getSessionToActOn(groupId, sessionId, viewer, 'host')
    const updated = await repo.extendActiveSession(found.row.id, minutes, now())
    if (!updated) {
      const current = (await ctx.sessions.findSessionById(found.row.id)) ?? found.row
      throw new AppError('ILLEGAL_TRANSITION', {
        message:
          current.status === 'completed' || current.status === 'cancelled'
            ? 'This session is over, so it cannot be extended.'
            : 'This session has not started yet: change its duration instead of extending it.',
      })
    }
    ctx.changed('extend', updated)
    // The end job is keyed by its time: a new one is planned, the old one finds nothing to do.
    await ctx.timers.plan(updated)
    return ctx.toSession(updated, viewer, found)
  }

  /** Stops this node's lock timers (shutdown); the jobs still lock what they left. */
  function stop() {
    for (const sessionId of [...lockTimers.keys()]) clearLockTimer(sessionId)
  }

  return {
    getLiveState,
    actOnLive,
    extend,
    lockDue,
    settleEnded,
    liveAnswerWindow: answerWindow,
    stopLiveTimers: stop,
  }
}

export type Live = ReturnType<typeof createLive>
