import type { ShareAttempt } from '@loopquiz/contract'

type Cell = string | number | null

// A spreadsheet runs a cell that starts like a formula (CSV injection, OWASP): a leading
// quote makes it text. Tab and carriage return count too, as spreadsheets strip them first.
const formulaStart = /^[=+\-@\t\r]/

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break. */
export function csvField(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = formulaStart.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** Rows as RFC 4180 CSV: fields joined by commas, records ended by CRLF. */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('')
}

const header = [
  'name',
  'kind',
  'status',
  'score',
  'max score',
  'correct',
  'questions',
  'started at',
  'finished at',
  'duration seconds',
]

/** The attempts of a share as its CSV download, a header row first. */
export function attemptsCsv(items: readonly ShareAttempt[]): string {
  return toCsv([
    header,
    ...items.map((item) => [
      item.displayName,
      item.kind,
      item.status,
      item.score,
      item.maxScore,
      item.correctCount,
      item.questionCount,
      item.startedAt,
      item.finishedAt,
      item.durationSeconds,
    ]),
  ])
}

/** A file name part from a title: lower-case ASCII words joined by dashes, or "quiz". */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'quiz'
}
