import { randomUUID } from 'node:crypto'
import type { AnswerValue } from '@loopquiz/contract'
import { sql } from 'drizzle-orm'
import type { Database, DatabaseKind } from '../../db/database.ts'

/** One answer to store, graded already. */
export interface AnswerToWrite {
  attemptId: string
  questionId: string
  clientAnswerId: string
  response: AnswerValue
  isCorrect: boolean
  points: number
  answeredAt: Date
}

/** An answer as stored, with its attempt's totals right after it (for progress). */
export interface StoredAnswer extends AnswerToWrite {
  id: string
  /** The attempt's score and answered count once this answer's batch committed. */
  attemptScore: number
  attemptAnsweredCount: number
}

export interface AnswerWriterOptions {
  /** Most answers in one statement. */
  maxBatch?: number
  /** How long the first answer of a batch waits for others to join it. */
  maxWaitMs?: number
  /** Batches on their way to the database at once (PGlite has one connection: 1). */
  maxInFlight?: number
}

/** What the writer did so far: for tests and the benchmark. */
export interface AnswerWriterStats {
  batches: number
  failedBatches: number
  answers: number
  stored: number
  largestBatch: number
}

interface BatchRow {
  id: string
  score: number
  answered_count: number
}

interface Pending {
  row: AnswerToWrite
  id: string
  resolve: (stored: StoredAnswer | null) => void
  reject: (error: unknown) => void
}

/*
 * One statement per batch, in its own (implicit) transaction, so a batch is durable once the
 * statement returns. The attempts are locked first, in id order, so that two batches in flight
 * sharing an attempt queue behind each other instead of deadlocking, and a concurrent finish
 * either waits for the batch or makes its answers count for nothing. The lock is the one the
 * update of the totals takes anyway (no upgrade later; the answers' foreign-key checks do not wait
 * on it). Duplicates are resolved by the two unique keys of `answers` (one answer per question,
 * one per client id): ON CONFLICT DO NOTHING skips them, inside the batch (the earlier one in
 * arrival order wins) and across batches. The attempts' totals add only what was stored. Arrays
 * of columns, not a VALUES list: 8 parameters at any batch size, where VALUES needs 8 per answer
 * (and PostgreSQL caps a statement at 65,535).
 */
const writeBatch = (columns: {
  ids: string[]
  attemptIds: string[]
  questionIds: string[]
  clientIds: string[]
  responses: string[]
  corrects: boolean[]
  points: number[]
  answeredAts: string[]
}) => sql`
  with input as (
    select * from unnest(
      ${sql.param(columns.ids)}::uuid[], ${sql.param(columns.attemptIds)}::text[],
      ${sql.param(columns.questionIds)}::text[], ${sql.param(columns.clientIds)}::text[],
      ${sql.param(columns.responses)}::text[], ${sql.param(columns.corrects)}::boolean[],
      ${sql.param(columns.points)}::integer[], ${sql.param(columns.answeredAts)}::timestamptz[]
    ) with ordinality as t(id, attempt_id, question_id, client_answer_id, response, is_correct, points, answered_at, n)
  ),
  open as materialized (
    select id from attempts
    where id in (select attempt_id from input) and status = 'in_progress'
    order by id
    for no key update
  ),
  stored as (
    insert into answers (id, attempt_id, question_id, client_answer_id, response, is_correct, points, answered_at)
    select i.id, i.attempt_id, i.question_id, i.client_answer_id, i.response::jsonb, i.is_correct, i.points, i.answered_at
    from input i join open o on o.id = i.attempt_id
    order by i.n
    on conflict do nothing
    returning id, attempt_id, points
  ),
  totals as (
    update attempts a
    set score = a.score + s.points, answered_count = a.answered_count + s.n
    from (
      select attempt_id, sum(points)::integer as points, count(*)::integer as n
      from stored group by attempt_id
    ) s
    where a.id = s.attempt_id
    returning a.id, a.score, a.answered_count
  )
  select s.id::text as id, t.score, t.answered_count
  from stored s join totals t on t.id = s.attempt_id
`

/**
 * Group commit for answers: writes arriving within `maxWaitMs` of each other (or while earlier
 * batches are on their way) go to the database in one statement, and each caller's promise
 * settles only after that statement committed, so an answer is never acknowledged before it is
 * durable. Resolves with the stored answer, or null when nothing was stored: the attempt is
 * finished (or unknown), or it already has an answer to that question or with that client id.
 * A failing batch rejects only the writes in it.
 */
export function createAnswerWriter(
  db: Database,
  kind: DatabaseKind,
  {
    maxBatch = 1000,
    maxWaitMs = 2,
    maxInFlight = kind === 'pglite' ? 1 : 4,
  }: AnswerWriterOptions = {},
) {
  let queue: Pending[] = []
  let timer: NodeJS.Timeout | null = null
  // Set when the first write of the queue has waited its `maxWaitMs`: the queue goes as soon as a
  // batch slot frees up.
  let isDue = false
  let inFlight = 0
  const idle: Array<() => void> = []
  const stats: AnswerWriterStats = {
    batches: 0,
    failedBatches: 0,
    answers: 0,
    stored: 0,
    largestBatch: 0,
  }

  function pump() {
    while (inFlight < maxInFlight && queue.length > 0 && (isDue || queue.length >= maxBatch)) {
      const batch = queue.slice(0, maxBatch)
      queue = queue.slice(batch.length)
      if (queue.length === 0) {
        isDue = false
        if (timer) clearTimeout(timer)
        timer = null
      }
      inFlight += 1
      void send(batch).finally(() => {
        inFlight -= 1
        pump()
        if (inFlight === 0 && queue.length === 0) for (const wake of idle.splice(0)) wake()
      })
    }
    // What stays queued behind full slots is due as soon as one frees, so it needs no timer.
    if (queue.length > 0 && !isDue && timer === null) {
      timer = setTimeout(() => {
        timer = null
        isDue = true
        pump()
      }, maxWaitMs)
    }
  }

  async function send(batch: Pending[]) {
    stats.batches += 1
    stats.answers += batch.length
    stats.largestBatch = Math.max(stats.largestBatch, batch.length)
    try {
      const result = await db.execute(
        writeBatch({
          ids: batch.map((p) => p.id),
          attemptIds: batch.map((p) => p.row.attemptId),
          questionIds: batch.map((p) => p.row.questionId),
          clientIds: batch.map((p) => p.row.clientAnswerId),
          responses: batch.map((p) => JSON.stringify(p.row.response)),
          corrects: batch.map((p) => p.row.isCorrect),
          points: batch.map((p) => p.row.points),
          answeredAts: batch.map((p) => p.row.answeredAt.toISOString()),
        }),
      )
      // Both drivers answer a raw statement with `{ rows }`; the shared Database type cannot say so.
      const { rows } = result as unknown as { rows: BatchRow[] }
      const storedById = new Map(rows.map((row) => [row.id, row]))
      stats.stored += storedById.size
      for (const pending of batch) {
        const stored = storedById.get(pending.id)
        pending.resolve(
          stored
            ? {
                ...pending.row,
                id: pending.id,
                attemptScore: Number(stored.score),
                attemptAnsweredCount: Number(stored.answered_count),
              }
            : null,
        )
      }
    } catch (error) {
      stats.failedBatches += 1
      for (const pending of batch) pending.reject(error)
    }
  }

  let isClosed = false

  return {
    /** Stores the answer with whatever else arrives now; settles once its batch committed. */
    write(row: AnswerToWrite): Promise<StoredAnswer | null> {
      if (isClosed) return Promise.reject(new Error('the answer writer is closed'))
      return new Promise((resolve, reject) => {
        queue.push({ row, id: randomUUID(), resolve, reject })
        pump()
      })
    },

    stats(): AnswerWriterStats {
      return { ...stats }
    },

    /** Sends what is queued and waits until every batch has settled; later writes are refused. */
    async close(): Promise<void> {
      isClosed = true
      isDue = true
      if (timer) clearTimeout(timer)
      timer = null
      pump()
      if (inFlight === 0 && queue.length === 0) return
      await new Promise<void>((resolve) => idle.push(resolve))
    },
  }
}

export type AnswerWriter = ReturnType<typeof createAnswerWriter>
