import type { SessionResults, SessionStats } from '@loopquiz/contract'
import { totalPoints } from '../../domain/grading.ts'
import type { createParticipation } from './participation.ts'
import type { SessionContext, Viewer } from './session-context.ts'

/** Results compared across the group, for one session and for the group's sessions overall. */
export function createResults(
  ctx: SessionContext,
  participation: ReturnType<typeof createParticipation>,
) {
  const { sessions, groups } = ctx

  async function results(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
  ): Promise<SessionResults> {
    const { row } = await ctx.getOwnSession(groupId, sessionId, viewer)
    const participants = await participation.participants(groupId, sessionId, viewer)
    const stats = new Map((await sessions.findAnswerStats(sessionId)).map((s) => [s.questionId, s]))
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
  }

  async function stats(groupId: string, viewer: Viewer): Promise<SessionStats> {
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
              completed.reduce((sum, s) => sum + s.participants, 0) / (completed.length * members),
            ),
      averageScoreRate:
        scored.length === 0
          ? null
          : scored.reduce((sum, s) => sum + s.scoreSum, 0) /
            scored.reduce((sum, s) => sum + s.maxSum, 0),
    }
  }

  return { results, stats }
}
