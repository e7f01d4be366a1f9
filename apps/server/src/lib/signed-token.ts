import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * A value with its HMAC, for links that act without a sign-in (a mail's unsubscribe link): it
 * cannot be forged without the server's secret. `purpose` keeps a token of one kind from being
 * replayed as another.
 */
export function signToken(secret: string, purpose: string, value: string): string {
  return `${Buffer.from(value).toString('base64url')}.${mac(secret, purpose, value)}`
}

/** The value a token carries, or null when it was not made by `signToken` with this secret. */
export function verifyToken(secret: string, purpose: string, token: string): string | null {
  const [encoded, signature, extra] = token.split('.')
  if (!encoded || !signature || extra !== undefined) return null
  const value = Buffer.from(encoded, 'base64url').toString('utf8')
  const expected = Buffer.from(mac(secret, purpose, value))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  return value
}

function mac(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\n${value}`).digest('base64url')
}
