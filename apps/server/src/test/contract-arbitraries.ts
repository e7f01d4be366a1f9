import fc from 'fast-check'
import { z } from 'zod'

type JsonSchema = z.core.JSONSchema.JSONSchema

/**
 * Values worth sending, by the name of the field: ids of rows that exist, and valid values of
 * fields whose rules a schema's shape does not tell (a time zone, a recurrence rule, questions).
 */
export type KnownValues = Record<string, readonly unknown[]>

/**
 * Strings and values a careless or hostile client sends: what PostgreSQL cannot store, numbers
 * and dates out of every range, the wrong type, deep nesting, and very long or exotic text.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 8 }).map((text) => `${text}\u0000${text}`),
  fc.constantFrom('\u0000', '\ud800', 'a\udfffb', '\ufeff', '\u202e', '👩‍👩‍👧', '\r\n', ' '),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.constantFrom('x'.repeat(70_000), 'é'.repeat(5_000)),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 1e-320, -0, 0.5, -1),
  fc.constantFrom('NaN', 'Infinity', '-1', '1e999', '0x10', '', '__proto__', 'constructor'),
  fc.constantFrom(
    '9999-12-31T23:59:59.999Z',
    '0000-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-02-30T00:00:00Z',
    '1970-01-01T00:00:00+14:00',
  ),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'FREQ=SECONDLY',
    'FREQ=MINUTELY;INTERVAL=1',
    'FREQ=DAILY;UNTIL=99991231T000000Z',
    'FREQ=WEEKLY;BYDAY=XX',
  ),
  fc.constantFrom(null, true, false, [], {}, [null], { length: 1 }),
  fc.integer({ min: 3, max: 40 }).map((depth) => nested(depth)),
)

function nested(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
  return value
}

/** Path segments sent as they are, not URL-encoded: bad escapes and encoded NUL or surrogates. */
export const hostileSegment = fc.constantFrom(
  '%00',
  'abcdefghijklmnopq%00',
  '%',
  '%zz',
  '%c0%80',
  '%ed%a0%80',
  '%ff%fe',
  '..',
  '%2e%2e',
  '%2F',
  'a'.repeat(3_000),
)

const now = Date.now()
const day = 86_400_000

/** Times the API may accept (from a year ago to three years ahead) rather than any instant. */
const plausibleTime = fc
  .integer({ min: -365, max: 3 * 365 })
  .chain((days) => fc.integer({ min: 0, max: day - 1 }).map((ms) => now + days * day + ms))
  .map((ms) => new Date(ms).toISOString())

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0
  const maxLength = Math.min(schema.maxLength ?? 200, minLength + 40)
  if (schema.format === 'uuid') return fc.uuid()
  if (schema.format === 'date-time') return plausibleTime
  if (schema.format === 'uri') return fc.webUrl({ validSchemes: ['https'] })
  // zod writes its own pattern for e-mail addresses, stricter than fast-check's addresses.
  if (schema.pattern !== undefined) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? 1e9))
  }
  return fc.oneof(
    fc.string({ minLength, maxLength }),
    fc.string({ minLength, maxLength, unit: 'grapheme' }),
  )
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const exclusiveMin =
    typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined
  const exclusiveMax =
    typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined
  const min = schema.minimum ?? exclusiveMin ?? -1e6
  const max = schema.maximum ?? exclusiveMax ?? 1e6
  if (integer) {
    return fc.integer({
      min: Math.ceil(exclusiveMin === undefined ? min : min + 1),
      max: Math.floor(exclusiveMax === undefined ? max : max - 1),
    })
  }
  return fc.double({
    min,
    max,
    minExcluded: exclusiveMin !== undefined,
    maxExcluded: exclusiveMax !== undefined,
    noNaN: true,
  })
}

/**
 * Builds values for a JSON Schema (as z.toJSONSchema writes the contract's schemas). Each node
 * is, with weight `hostileWeight` against 10, replaced by a hostile value; with 0 it yields
 * values that match the schema's shape (refinements such as a valid time zone aside).
 */
export function arbitraryOf(
  schema: JsonSchema,
  known: KnownValues,
  hostileWeight: number,
  name?: string,
): fc.Arbitrary<unknown> {
  const valid = validOf(schema, known, hostileWeight, name)
  const knownHere = name === undefined ? undefined : known[name]
  const withKnown =
    knownHere && knownHere.length > 0
      ? fc.oneof(
          { arbitrary: fc.constantFrom(...knownHere), weight: 3 },
          { arbitrary: valid, weight: 1 },
        )
      : valid
  if (hostileWeight === 0) return withKnown
  return fc.oneof(
    { arbitrary: withKnown, weight: 10 },
    { arbitrary: hostileValue, weight: hostileWeight },
  )
}

function validOf(
  schema: JsonSchema,
  known: KnownValues,
  hostileWeight: number,
  name: string | undefined,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum)
  const alternatives = schema.oneOf ?? schema.anyOf
  if (alternatives && alternatives.length > 0) {
    return fc.oneof(
      ...alternatives.map((alternative) => arbitraryOf(alternative, known, hostileWeight, name)),
    )
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {}).flatMap(([key, property]) =>
        typeof property === 'boolean' ? [] : [[key, property] as const],
      )
      const model = Object.fromEntries(
        properties.map(([key, property]) => [
          key,
          arbitraryOf(property, known, hostileWeight, key),
        ]),
      )
      return fc.record(model, { requiredKeys: schema.required ?? [] })
    }
    case 'array': {
      const items = schema.items
      const item =
        items === undefined || typeof items === 'boolean' || Array.isArray(items)
          ? fc.jsonValue({ maxDepth: 1 })
          : arbitraryOf(items, known, hostileWeight)
      const minLength = schema.minItems ?? 0
      return fc.array(item, {
        minLength,
        maxLength: Math.min(schema.maxItems ?? 4, minLength + 4),
      })
    }
    case 'string':
      return stringOf(schema)
    case 'integer':
      return numberOf(schema, true)
    case 'number':
      return numberOf(schema, false)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

/** Values for one part (params, query or body) of an endpoint, from its zod schema. */
export function partArbitrary(
  schema: z.ZodType,
  known: KnownValues,
  hostileWeight: number,
): fc.Arbitrary<unknown> {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  return arbitraryOf(jsonSchema, known, hostileWeight)
}
