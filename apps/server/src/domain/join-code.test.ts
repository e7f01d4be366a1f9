import { describe, expect, it } from 'vitest'
import { decodeJoinCode, encodeJoinCode, JOIN_CODE_LENGTH } from './join-code.ts'

describe('session join codes', () => {
  it.each([1, 2, 3, 1000, 123_456, 2 ** 30 - 1])('round-trips sequence %i', (sequence) => {
    const code = encodeJoinCode(sequence)
    expect(code).toMatch(new RegExp(`^[2-9A-HJ-NP-Z]{${JOIN_CODE_LENGTH}}$`))
    expect(decodeJoinCode(code)).toBe(sequence)
  })

  it('gives neighbouring sessions unrelated codes', () => {
    expect(encodeJoinCode(1).slice(0, 4)).not.toBe(encodeJoinCode(2).slice(0, 4))
  })

  it('gives different sessions different codes', () => {
    const codes = new Set(Array.from({ length: 5000 }, (_, i) => encodeJoinCode(i + 1)))
    expect(codes.size).toBe(5000)
  })

  it.each([
    [
      'lower case and spaces',
      (code: string) => ` ${code.toLowerCase().slice(0, 3)} ${code.slice(3)} `,
    ],
    ['a dash in the middle', (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`],
  ])('reads a code typed with %s', (_, typed) => {
    expect(decodeJoinCode(typed(encodeJoinCode(42)))).toBe(42)
  })

  it.each(['', 'ABC', 'ABCDEFG', 'ABCDE0', 'ABCDEI'])('refuses %j', (typed) => {
    expect(decodeJoinCode(typed)).toBeNull()
  })
})
