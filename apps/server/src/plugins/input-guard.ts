import type { FieldIssue } from '@loopquiz/contract'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../lib/app-error.ts'

/**
 * Far deeper than any request of the contract (a share's questions and options nest about 4
 * levels) and far shallower than what overflows the stack in JSON.stringify or a validator.
 */
export const maxJsonDepth = 32

function invalidField(path: string, message: string): AppError {
  const issue: FieldIssue = { path, message }
  return new AppError('VALIDATION_FAILED', {
    message: `Invalid request: ${path}: ${message}`,
    details: [issue],
  })
}

/**
 * Whether the arrays and objects of a JSON text nest deeper than `limit`, found in one pass
 * over the text: parsing first would already recurse as deep as the sender likes.
 */
export function exceedsJsonDepth(text: string, limit: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c /* \ */) i++
      else if (char === 0x22 /* " */) inString = false
    } else if (char === 0x22) {
      inString = true
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      if (++depth > limit) return true
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--
    }
  }
  return false
}

/**
 * Why a string cannot be stored: PostgreSQL text and jsonb refuse U+0000, and jsonb refuses a
 * lone surrogate (which JSON.stringify writes as a \ud8xx escape).
 */
function flawOf(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character (U+0000)'
  if (!text.isWellFormed()) return 'must be well-formed Unicode (a lone surrogate was found)'
  return null
}

/** Throws on the first string (or object key) under `value` that the database cannot store. */
function checkStrings(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const flaw = flawOf(value)
    if (flaw) throw invalidField(path, flaw)
    return
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkStrings(item, `${path}.${index}`)
    return
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const flaw = flawOf(key)
      if (flaw) throw invalidField(path, `has a key that ${flaw}`)
      checkStrings(item, `${path}.${key}`)
    }
  }
}

/**
 * Input hygiene for every route, Better Auth's included, in one place rather than in each
 * schema: JSON bodies nest at most `maxJsonDepth` levels, and no string in the path, query or
 * body holds what PostgreSQL cannot store. Either is a 400 naming the field.
 */
export function registerInputGuard(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser(
    app.initialConfig.onProtoPoisoning ?? 'error',
    app.initialConfig.onConstructorPoisoning ?? 'error',
  )
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (exceedsJsonDepth(text, maxJsonDepth)) {
      const message = `must not nest arrays and objects deeper than ${maxJsonDepth} levels`
      done(invalidField('body', message), undefined)
      return
    }
    parseJson(request, text, done)
  })

  app.addHook('preValidation', async (request) => {
    checkStrings(request.params, 'params')
    checkStrings(request.query, 'query')
    checkStrings(request.body, 'body')
  })
}
