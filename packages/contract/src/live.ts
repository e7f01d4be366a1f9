import { z } from 'zod'
import { timestampSchema } from './common.ts'
import { correctAnswerSchema } from './questions.ts'

/**
 * How a session scores and orders its questions. `speed`: in a live session a correct answer
 * earns more the sooner it comes (as in Kahoot!); `correct_only`: each correct answer earns the
 * question's points, whenever it comes. Self-paced sessions always score `correct_only`.
 */
export const sessionOptionsSchema = z.object({
  scoring: z.enum(['speed', 'correct_only']).default('speed'),
  /** Self-paced only: each participant gets the questions in their own order (a live session shows one question to all). */
  shuffleQuestions: z.boolean().default(false),
  /** Each participant sees the options of a choice question in their own order. */
  shuffleOptions: z.boolean().default(false),
})
export type SessionOptions = z.infer<typeof sessionOptionsSchema>
export const defaultSessionOptions: SessionOptions = {
  scoring: 'speed',
  shuffleQuestions: false,
  shuffleOptions: false,
}

/**
 * Where a live session is. `lobby`: people join, nothing is asked yet. `question`: the current
 * question takes answers until `deadline`. `paused`: the countdown is stopped with
 * `pausedRemainingMs` left. `locked`: the question takes no more answers. `revealed`: the
 * correct answer and explanation show. `leaderboard`: standings between questions.
 * `podium`: the end, with the top three.
 */
export const livePhaseSchema = z.enum([
  'lobby',
  'question',
  'paused',
  'locked',
  'revealed',
  'leaderboard',
  'podium',
])
export type LivePhase = z.infer<typeof livePhaseSchema>

/** What the host of a live session does next. Which actions a phase allows is one pure rule on the server. */
export const liveActionSchema = z.enum([
  'start',
  'pause',
  'resume',
  'lock',
  'reveal',
  'leaderboard',
  'next',
  'finish',
])
export type LiveAction = z.infer<typeof liveActionSchema>
/**
 * The phases (effective ones: a question past its deadline is `locked`) each host action may be
 * taken in. The server's rule (apps/server/src/domain/live-state.ts) and the host's buttons both
 * read this one table.
 */
export const liveActionPhases: Record<LiveAction, readonly LivePhase[]> = {
  start: ['lobby'],
  pause: ['question'],
  resume: ['paused'],
  // Ending a question early also works while it is paused.
  lock: ['question', 'paused'],
  reveal: ['locked'],
  leaderboard: ['locked', 'revealed'],
  next: ['revealed', 'leaderboard'],
  finish: ['lobby', 'question', 'paused', 'locked', 'revealed', 'leaderboard'],
}

/** The host actions a phase allows, in the order the controls show them. */
export function liveActionsIn(phase: LivePhase): LiveAction[] {
  return liveActionSchema.options.filter((action) => liveActionPhases[action].includes(phase))
}

export const liveActionBodySchema = z.object({ action: liveActionSchema })
export type LiveActionBody = z.infer<typeof liveActionBodySchema>

export const standingSchema = z.object({
  userId: z.string(),
  name: z.string(),
  score: z.number().int(),
  rank: z.number().int().min(1),
  /** Points earned on the question just played. */
  lastPoints: z.number().int(),
})
export type Standing = z.infer<typeof standingSchema>

/** A live session's shared state: everyone in it sees the same one. */
export const liveStateSchema = z.object({
  sessionId: z.uuid(),
  phase: livePhaseSchema,
  /** Index into the session's questions; null in the lobby. */
  questionIndex: z.number().int().min(0).nullable(),
  questionId: z.string().nullable(),
  questionCount: z.number().int(),
  /** When the current question opened, and when it stops taking answers (server clock). */
  openedAt: timestampSchema.nullable(),
  deadline: timestampSchema.nullable(),
  pausedRemainingMs: z.number().int().min(0).nullable(),
  answeredCount: z.number().int(),
  participantCount: z.number().int(),
  /** Set from `revealed` on: the key of the current question and how the answers fell. */
  reveal: z
    .object({
      questionId: z.string(),
      correctAnswer: correctAnswerSchema,
      explanation: z.string().nullable(),
      /** Answers per option id (choice questions) or per 'true'/'false'; empty for short text. */
      distribution: z.record(z.string(), z.number().int()),
      correctCount: z.number().int(),
    })
    .nullable(),
  /** The top of the standings in `leaderboard` (ten) and `podium` (three). */
  leaderboard: z.array(standingSchema).nullable(),
  scoring: sessionOptionsSchema.shape.scoring,
  /** Increases with every change: a client drops a state older than the one it shows. */
  version: z.number().int(),
  serverNow: timestampSchema,
})
export type LiveState = z.infer<typeof liveStateSchema>

/** One participant's own standing, sent to them alone at the leaderboard and the podium. */
export const myStandingSchema = standingSchema.extend({
  sessionId: z.uuid(),
  participantCount: z.number().int(),
})
export type MyStanding = z.infer<typeof myStandingSchema>

/** Extend an active session: its end moves later by this many minutes. */
export const extendSessionBodySchema = z.object({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
})
export type ExtendSessionBody = z.infer<typeof extendSessionBodySchema>

/** How the answers to one question fell, for the host: counts per option, live. */
export const questionDistributionSchema = z.object({
  questionId: z.string(),
  answeredCount: z.number().int(),
  correctCount: z.number().int(),
  /** Per option id for choice questions, 'true'/'false' for true-or-false; empty for short text. */
  counts: z.record(z.string(), z.number().int()),
  /** The question's key, so the host's bars can mark the correct option (hosts only see this). */
  correctAnswer: correctAnswerSchema,
})
export type QuestionDistribution = z.infer<typeof questionDistributionSchema>
export const answerDistributionSchema = z.object({
  sessionId: z.uuid(),
  questions: z.array(questionDistributionSchema),
})
export type AnswerDistribution = z.infer<typeof answerDistributionSchema>
