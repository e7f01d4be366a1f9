import { randomBytes } from 'node:crypto'

/** 128 random bits, URL-safe: share tokens and attempt ids that cannot be guessed. */
export function newSecretToken(): string {
  return randomBytes(16).toString('base64url')
}

/** A short id for things that need only be unique within their parent (question ids). */
export function newShortId(): string {
  return randomBytes(6).toString('base64url')
}
