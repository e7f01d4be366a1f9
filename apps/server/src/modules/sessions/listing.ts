import type { FindSessionsQuery, GroupSession, GroupSessionDetail } from '@loopquiz/contract'
import { toPublicQuestion } from '../../domain/grading.ts'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import type { SessionContext, Viewer } from './session-context.ts'
import type { SessionRow } from './sessions.repository.ts'

/** Reading sessions: a group's list, one session, and the viewer's sessions across groups. */
export function createListing(ctx: SessionContext) {
  const { sessions, groups } = ctx

  async function find(groupId: string, viewer: Viewer, query: FindSessionsQuery) {
    const access = await ctx.access(groupId, viewer)
    const rows = await sessions.findSessions(
      groupId,
      {
        status: query.status,
        type: query.type,
        createdBy: query.createdBy,
        seriesId: query.seriesId,
        collapseSeries: query.collapseSeries,
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
    const seriesIds = page.items.flatMap((row) => (row.seriesId ? [row.seriesId] : []))
    const counts = query.collapseSeries ? await sessions.countSeries([...new Set(seriesIds)]) : null
    return {
      items: await ctx.toSessions(page.items, viewer, access, counts),
      nextCursor: page.nextCursor,
    }
  }

  async function get(
    groupId: string,
    sessionId: string,
    viewer: Viewer,
  ): Promise<GroupSessionDetail> {
    const { row, ...access } = await ctx.getOwnSession(groupId, sessionId, viewer)
    const session = await ctx.toSession(row, viewer, access)
    return { ...session, questions: row.questionsData.map(toPublicQuestion) }
  }

  async function findForUser(
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
      const { group, role } = membership
      result.push(
        await ctx.toSession(row, viewer, { group, role, actor: { kind: 'member', role } }),
      )
    }
    return result
  }

  return { find, get, findForUser }
}
