/**
 * A session's short join code: six letters and digits a projector shows and people type. The
 * session's sequence number is scrambled by a bijection on 30 bits (multiplying by an odd
 * constant), so codes are unique by construction and do not reveal how many sessions exist.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ' // 32 symbols: no 0/O, no 1/I
const BITS = 30
const MASK = (1n << BigInt(BITS)) - 1n
const FACTOR = 0x2c1b3c6dn // odd, so invertible modulo 2^30
const INVERSE = inverseModPowerOfTwo(FACTOR)

function inverseModPowerOfTwo(value: bigint): bigint {
  // Newton's iteration doubles the correct low bits each step: 5 steps cover 30 bits.
  let x = value
  for (let i = 0; i < 5; i++) x = (x * (2n - value * x)) & MASK
  return x
}

export const JOIN_CODE_LENGTH = 6

export function encodeJoinCode(sequence: number): string {
  let scrambled = (BigInt(sequence) * FACTOR) & MASK
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
    code = ALPHABET[Number(scrambled & 31n)] + code
    scrambled >>= 5n
  }
  return code
}

/** The sequence number a typed code stands for, or null if it cannot be a code. */
export function decodeJoinCode(typed: string): number | null {
  const code = typed.trim().toUpperCase().replace(/[\s-]/g, '')
  if (code.length !== JOIN_CODE_LENGTH) return null
  let value = 0n
  for (const char of code) {
    const digit = ALPHABET.indexOf(char)
    if (digit < 0) return null
    value = (value << 5n) | BigInt(digit)
  }
  return Number((value * INVERSE) & MASK)
}
