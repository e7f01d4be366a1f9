import { AppError } from './app-error.ts'

/** Position after the last item of a page, ordered by (time desc, id desc). */
export interface Cursor {
  at: Date
  id: string
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url')
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (text === undefined) return null
  try {
    const [at, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[]
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) {
      throw new Error('bad cursor')
    }
    return { at: new Date(at), id }
  } catch {
    throw new AppError('VALIDATION_FAILED', {
      message: 'query.cursor: is not a cursor this API gave out',
      details: [{ path: 'query.cursor', message: 'is not a cursor this API gave out' }],
    })
  }
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
