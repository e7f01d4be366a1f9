import type { SessionByCode } from '@loopquiz/contract'
import { decodeJoinCode } from '../../domain/join-code.ts'
import type { SessionContext, Viewer } from './session-context.ts'

/** Finding a session by the short code a projector shows and people type at /join. */
export function createByCode(ctx: SessionContext) {
  async function findByCode(code: string, viewer: Viewer): Promise<SessionByCode> {
    const joinSeq = decodeJoinCode(code)
    const row = joinSeq === null ? null : await ctx.sessions.findSessionByJoinSeq(joinSeq)
    // A session in someone else's group is as unknown as no session at all: a code must not
    // tell a stranger that it exists.
    if (!row || (await ctx.groups.roleOf(row.groupId, viewer.id)) === null) {
      throw ctx.sessionNotFound()
    }
    const { group } = await ctx.access(row.groupId, viewer)
    return {
      groupId: row.groupId,
      sessionId: row.id,
      title: row.title,
      groupName: group.name,
      joinUrl: ctx.joinUrlOf(row),
    }
  }

  return { findByCode }
}
