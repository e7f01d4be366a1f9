import { createHash, createHmac, randomBytes } from 'node:crypto'

/**
 * A feed's token is the server's MAC of the user and a random nonce (256 bits, URL-safe): the
 * server can show the URL again while the database holds only the token's SHA-256, which opens
 * nothing. A new nonce makes a new token; a new server secret does too.
 */
export function feedTokenOf(secret: string, userId: string, nonce: string): string {
  return createHmac('sha256', secret).update(`calendar-feed:${userId}:${nonce}`).digest('base64url')
}

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function newFeedNonce(): string {
  return randomBytes(16).toString('base64url')
}
