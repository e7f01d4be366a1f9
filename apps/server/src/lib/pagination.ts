import { AppError } from './app-error.ts'

/** Position after the last item of a page, ordered by (time desc, id desc). */
export interface Cursor {
  at: Date
  id: string
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url')
}

// What encodeCursor writes: an instant as toISOString gives it (years 0000–9999, which
// PostgreSQL's timestamp holds) and a row id: a uuid, or an attempt's URL-safe secret token.
const cursorTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const cursorIdPattern =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_-]{22})$/i

function parseCursor(text: string): Cursor | null {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(value) || value.length !== 2) return null
  const [at, id] = value as unknown[]
  if (typeof at !== 'string' || typeof id !== 'string') return null
  if (!cursorTimePattern.test(at) || !cursorIdPattern.test(id)) return null
  const date = new Date(at)
  // Rejects impossible dates the pattern lets through, such as February 30th.
  if (Number.isNaN(date.getTime()) || date.toISOString() !== at) return null
  return { at: date, id }
}

/**
 * Reads a cursor back. Anything but what encodeCursor wrote (a forged or damaged cursor) is a
 * 400 naming query.cursor, never a value handed on to the database.
 */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (text === undefined) return null
  const cursor = parseCursor(text)
  if (!cursor) {
    throw new AppError('VALIDATION_FAILED', {
      message: 'query.cursor: is not a cursor this API gave out',
      details: [{ path: 'query.cursor', message: 'is not a cursor this API gave out' }],
    })
  }
  return cursor
}

/** Splits one extra fetched row off a page to know whether another page follows. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => Cursor,
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit)
  const last = pageRows.at(-1)
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null,
  }
}
