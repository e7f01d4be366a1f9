import { describe, expect, it } from 'vitest'
import { signToken, verifyToken } from './signed-token.ts'

const secret = 'a-secret-of-the-server-000000000000'

describe('signed tokens', () => {
  it('gives back the value of a token it signed', () => {
    const token = signToken(secret, 'unsubscribe', 'user-1:session_scheduled')
    expect(verifyToken(secret, 'unsubscribe', token)).toBe('user-1:session_scheduled')
  })

  it.each([
    ['another secret', (token: string) => verifyToken(`${secret}x`, 'unsubscribe', token)],
    ['another purpose', (token: string) => verifyToken(secret, 'reset', token)],
    [
      'a changed value',
      (token: string) =>
        verifyToken(
          secret,
          'unsubscribe',
          `${Buffer.from('user-2:session_scheduled').toString('base64url')}.${token.split('.')[1]}`,
        ),
    ],
    ['a cut signature', (token: string) => verifyToken(secret, 'unsubscribe', token.slice(0, -2))],
    ['extra parts', (token: string) => verifyToken(secret, 'unsubscribe', `${token}.x`)],
    ['no signature', () => verifyToken(secret, 'unsubscribe', 'dXNlcg')],
  ])('refuses %s', (_, check) => {
    expect(check(signToken(secret, 'unsubscribe', 'user-1:session_scheduled'))).toBeNull()
  })
})
