import { randomBytes, randomInt } from 'node:crypto'

/** 128 random bits, URL-safe: share tokens and attempt ids that cannot be guessed. */
export function newSecretToken(): string {
  return randomBytes(16).toString('base64url')
}

/** A short id for things that need only be unique within their parent (question ids). */
export function newShortId(): string {
  return randomBytes(6).toString('base64url')
}

// No 0/O, 1/I/L: join codes are read aloud and typed by hand.
const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A group's join code: 10 characters (≈ 49 bits), easy to type. */
export function newJoinCode(): string {
  return Array.from(
    { length: 10 },
    () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)],
  ).join('')
}
