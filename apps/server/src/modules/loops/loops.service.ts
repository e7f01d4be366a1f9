import type {
  CreateLoopBody,
  Loop,
  LoopPage,
  LoopSnapshot,
  PageQuery,
  UpdateLoopBody,
} from '@loopquiz/contract'
import { assignQuestionIds } from '../../domain/grading.ts'
import { AppError } from '../../lib/app-error.ts'
import { decodeCursor, toPage } from '../../lib/pagination.ts'
import { newShortId } from '../../lib/tokens.ts'
import type { LoopRow, LoopsRepository } from './loops.repository.ts'

export function toLoop(row: LoopRow): Loop {
  return {
    id: row.id,
    ownerId: row.ownerId,
    clientId: row.clientId,
    videoUrl: row.videoUrl,
    videoTitle: row.videoTitle,
    provider: row.provider,
    ...(row.videoId === null ? {} : { videoId: row.videoId }),
    startS: row.startS,
    endS: row.endS,
    ...(row.transcript === null ? {} : { transcript: row.transcript }),
    ...(row.vocabulary === null ? {} : { vocabulary: row.vocabulary }),
    questions: row.questions,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The copy of a loop that a question set or a session keeps. */
export function toLoopSnapshot(row: LoopRow): LoopSnapshot {
  return {
    videoUrl: row.videoUrl,
    videoTitle: row.videoTitle,
    provider: row.provider,
    ...(row.videoId === null ? {} : { videoId: row.videoId }),
    startS: row.startS,
    endS: row.endS,
    ...(row.transcript === null ? {} : { transcript: row.transcript }),
    ...(row.vocabulary === null ? {} : { vocabulary: row.vocabulary }),
  }
}

const notFound = () =>
  new AppError('LOOP_NOT_FOUND', { message: 'No loop with this id belongs to you.' })

export function createLoopsService(repository: LoopsRepository) {
  return {
    async createOrUpdate(ownerId: string, input: CreateLoopBody): Promise<Loop> {
      const row = await repository.upsert({
        ownerId,
        clientId: input.clientId ?? crypto.randomUUID(),
        videoUrl: input.videoUrl,
        videoTitle: input.videoTitle,
        provider: input.provider,
        videoId: input.videoId ?? null,
        startS: input.startS,
        endS: input.endS,
        transcript: input.transcript ?? null,
        vocabulary: input.vocabulary ?? null,
        questions: assignQuestionIds(input.questions, newShortId),
      })
      return toLoop(row)
    },

    async find(ownerId: string, query: PageQuery): Promise<LoopPage> {
      const rows = await repository.findByOwner(
        ownerId,
        query.limit + 1,
        decodeCursor(query.cursor),
      )
      return toPage(rows, query.limit, (row) => ({ at: row.updatedAt, id: row.id }), toLoop)
    },

    async get(ownerId: string, loopId: string): Promise<Loop> {
      const row = await repository.findOwned(loopId, ownerId)
      if (!row) throw notFound()
      return toLoop(row)
    },

    async update(ownerId: string, loopId: string, changes: UpdateLoopBody): Promise<Loop> {
      const current = await repository.findOwned(loopId, ownerId)
      if (!current) throw notFound()
      const startS = changes.startS ?? current.startS
      const endS = changes.endS ?? current.endS
      if (endS <= startS) {
        throw new AppError('VALIDATION_FAILED', {
          message: 'body.endS: The loop must end after it starts',
          details: [{ path: 'body.endS', message: 'The loop must end after it starts' }],
        })
      }
      const { questions, ...fields } = changes
      const row = await repository.update(loopId, ownerId, {
        ...fields,
        // A YouTube id belongs to YouTube loops only: a loop moved to a video file drops it.
        ...((fields.provider ?? current.provider) === 'html5' ? { videoId: null } : {}),
        ...(questions === undefined ? {} : { questions: assignQuestionIds(questions, newShortId) }),
      })
      if (!row) throw notFound()
      return toLoop(row)
    },

    async delete(ownerId: string, loopId: string): Promise<void> {
      if (!(await repository.delete(loopId, ownerId))) throw notFound()
    },
  }
}

export type LoopsService = ReturnType<typeof createLoopsService>
