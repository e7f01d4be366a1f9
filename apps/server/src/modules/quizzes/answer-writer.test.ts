import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { users } from '../../db/schema/auth.ts'
import { answers, attempts, questionSets } from '../../db/schema/quizzes.ts'
import { openTestDatabase } from '../../test/databases.ts'
import { type AnswerToWrite, createAnswerWriter } from './answer-writer.ts'

const database = await openTestDatabase()
const { db } = database
afterAll(() => database.close())

const [owner] = await db
  .insert(users)
  .values({ id: 'writer-owner', name: 'Owner', email: 'writer-owner@example.com' })
  .returning()
const [set] = await db
  .insert(questionSets)
  .values({
    token: 'writer-set-token',
    ownerId: owner?.id ?? '',
    title: 'Writer',
    loopData: {
      videoTitle: 'v',
      videoUrl: 'https://example.com/v.mp4',
      provider: 'html5',
      startS: 0,
      endS: 1,
    },
    questions: [],
    visibility: 'public',
  })
  .returning()

let attemptSeq = 0
async function newAttempts(count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `attempt-${++attemptSeq}-${'x'.repeat(16)}`)
  await db.insert(attempts).values(
    ids.map((id) => ({
      id,
      questionSetId: set?.id ?? '',
      displayName: 'Taker',
      maxScore: 100,
    })),
  )
  return ids
}

function answer(attemptId: string, questionId: string, overrides: Partial<AnswerToWrite> = {}) {
  return {
    attemptId,
    questionId,
    clientAnswerId: `${attemptId}/${questionId}`,
    response: ['a'],
    isCorrect: true,
    points: 2,
    answeredAt: new Date(),
    ...overrides,
  } satisfies AnswerToWrite
}

async function storedCount(attemptId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::integer` })
    .from(answers)
    .where(eq(answers.attemptId, attemptId))
  return row?.n ?? 0
}

async function totalsOf(attemptId: string) {
  const [row] = await db
    .select({ score: attempts.score, answeredCount: attempts.answeredCount })
    .from(attempts)
    .where(eq(attempts.id, attemptId))
  return row
}

describe('the answer writer', () => {
  it('stores 1,000 concurrent answers in a few statements, each once, with totals that add up', async () => {
    const writer = createAnswerWriter(db, database.kind)
    const ids = await newAttempts(100)
    const writes = ids.flatMap((id) =>
      Array.from({ length: 10 }, (_, q) => writer.write(answer(id, `q${q}`, { points: q }))),
    )
    const results = await Promise.all(writes)
    await writer.close()

    expect(results.every((result) => result !== null)).toBe(true)
    const stats = writer.stats()
    expect(stats.stored).toBe(1000)
    expect(stats.batches).toBeLessThanOrEqual(3)
    for (const id of ids.slice(0, 5)) {
      expect(await storedCount(id)).toBe(10)
      expect(await totalsOf(id)).toEqual({ score: 45, answeredCount: 10 })
    }
    // The totals a caller gets back are the attempt's after its batch: the last one has them all.
    const last = results.filter((r) => r?.attemptId === ids[0]).at(-1)
    expect(last).toMatchObject({ attemptScore: 45, attemptAnsweredCount: 10 })
  })

  it('keeps totals right when batches in flight at once share attempts and carry retries', async () => {
    // Small batches, several in flight: on PostgreSQL they run side by side on the same attempts.
    const writer = createAnswerWriter(db, database.kind, { maxBatch: 50, maxInFlight: 4 })
    const ids = await newAttempts(20)
    // Question by question across attempts: every batch touches every attempt.
    const rows = Array.from({ length: 25 }, (_, q) => ids.map((id) => answer(id, `q${q}`))).flat()
    const results = await Promise.all([...rows, ...rows].map((row) => writer.write(row)))
    await writer.close()

    expect(results.filter((result) => result !== null)).toHaveLength(500)
    expect(writer.stats().batches).toBeGreaterThanOrEqual(20)
    for (const id of ids) expect(await totalsOf(id)).toEqual({ score: 50, answeredCount: 25 })
  })

  it('stores an answer retried in the same batch once, and a second answer to a question not at all', async () => {
    const writer = createAnswerWriter(db, database.kind, { maxWaitMs: 20 })
    const [id = ''] = await newAttempts(1)
    const first = answer(id, 'q1')
    const [a, b, other] = await Promise.all([
      writer.write(first),
      writer.write(first),
      writer.write(answer(id, 'q1', { clientAnswerId: 'another-client-id', points: 5 })),
    ])
    await writer.close()

    expect(writer.stats().batches).toBe(1)
    expect(a).toMatchObject({ questionId: 'q1', clientAnswerId: first.clientAnswerId })
    expect(b).toBeNull()
    expect(other).toBeNull()
    expect(await storedCount(id)).toBe(1)
    expect(await totalsOf(id)).toEqual({ score: 2, answeredCount: 1 })
  })

  it('stores nothing for a retry or a second answer that come in a later batch', async () => {
    const writer = createAnswerWriter(db, database.kind)
    const [id = ''] = await newAttempts(1)
    const first = answer(id, 'q1')
    expect(await writer.write(first)).not.toBeNull()
    expect(await writer.write(first)).toBeNull()
    expect(await writer.write(answer(id, 'q1', { clientAnswerId: 'second-try' }))).toBeNull()
    // The same client id on another question is the same answer id reused: refused too.
    expect(
      await writer.write(answer(id, 'q2', { clientAnswerId: first.clientAnswerId })),
    ).toBeNull()
    expect(await writer.write(answer(id, 'q2'))).toMatchObject({ attemptAnsweredCount: 2 })
    await writer.close()

    expect(writer.stats().batches).toBe(5)
    expect(await totalsOf(id)).toEqual({ score: 4, answeredCount: 2 })
  })

  it('stores nothing for a finished attempt or one that does not exist', async () => {
    const writer = createAnswerWriter(db, database.kind)
    const [finished = '', open = ''] = await newAttempts(2)
    await db.update(attempts).set({ status: 'finished' }).where(eq(attempts.id, finished))
    const [late, unknown, fine] = await Promise.all([
      writer.write(answer(finished, 'q1')),
      writer.write(answer('no-such-attempt-0000', 'q1')),
      writer.write(answer(open, 'q1')),
    ])
    await writer.close()

    expect(late).toBeNull()
    expect(unknown).toBeNull()
    expect(fine).not.toBeNull()
    expect(await storedCount(finished)).toBe(0)
    expect(await totalsOf(finished)).toEqual({ score: 0, answeredCount: 0 })
  })

  it('rejects only the writes of a batch that fails', async () => {
    const writer = createAnswerWriter(db, database.kind)
    const [id = ''] = await newAttempts(1)
    // Points beyond a 32-bit integer: the database refuses the whole statement.
    const failing = writer.write(answer(id, 'q1', { points: 2 ** 40 }))
    await expect(failing).rejects.toThrow()
    expect(await writer.write(answer(id, 'q2'))).not.toBeNull()
    await writer.close()

    expect(writer.stats()).toMatchObject({ failedBatches: 1, stored: 1 })
    expect(await totalsOf(id)).toEqual({ score: 2, answeredCount: 1 })
  })

  it('sends what is queued on close and refuses writes after it', async () => {
    const writer = createAnswerWriter(db, database.kind, { maxWaitMs: 10_000 })
    const [id = ''] = await newAttempts(1)
    const pending = writer.write(answer(id, 'q1'))
    await writer.close()
    expect(await pending).not.toBeNull()
    await expect(writer.write(answer(id, 'q2'))).rejects.toThrow(/closed/)
  })
})
