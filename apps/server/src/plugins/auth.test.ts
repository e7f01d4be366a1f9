import { describe, expect, it } from 'vitest'
import { createTestApp, signUp, TEST_ORIGIN } from '../test/test-app.ts'

const app = await createTestApp()

async function signIn(email: string, password: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_ORIGIN },
    payload: { email, password },
  })
}

describe('sign-up and sign-in', () => {
  it('signs a new user up and knows them by session cookie', async () => {
    const user = await signUp(app, 'Ada')
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: user.cookie })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ id: user.id, name: 'Ada', email: user.email })
  })

  it('knows a signed-in user by bearer token, as the extension calls', async () => {
    const user = await signUp(app)
    const signedIn = await signIn(user.email, 'correct-horse-battery')
    expect(signedIn.statusCode).toBe(200)
    const token = signedIn.headers['set-auth-token']
    expect(token).toBeTruthy()
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${String(token)}` },
    })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ id: user.id })
  })

  it('refuses a wrong password', async () => {
    const user = await signUp(app)
    const response = await signIn(user.email, 'not-the-password')
    expect(response.statusCode).toBe(401)
  })

  it('answers 401 UNAUTHENTICATED without a session, and with a made-up token', async () => {
    for (const headers of [{}, { authorization: 'Bearer made-up-token' }]) {
      const response = await app.inject({ method: 'GET', url: '/api/me', headers })
      expect(response.statusCode).toBe(401)
      expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    }
  })

  it('ends the session on sign-out', async () => {
    const user = await signUp(app)
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { ...user.cookie, origin: TEST_ORIGIN },
    })
    expect(out.statusCode).toBe(200)
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: user.cookie })
    expect(me.statusCode).toBe(401)
  })

  it('refuses a cookie-carrying request from a foreign origin (CSRF)', async () => {
    const user = await signUp(app)
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { ...user.cookie, origin: 'https://evil.example' },
    })
    expect(response.statusCode).toBe(403)
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: user.cookie })
    expect(me.statusCode).toBe(200)
  })
})

describe('sign-up from the other loopback spelling', () => {
  it('accepts http://127.0.0.1:3000 in development, where the server listens by default', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: 'http://127.0.0.1:3000' },
      payload: {
        name: 'Loopback Lou',
        email: `lou-${Date.now()}@example.test`,
        password: 'correct-horse-battery',
      },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ user: { name: 'Loopback Lou' } })
  })
})

// Built here, not inside the test: the helper closes each app after the file, which it
// can only arrange from the file's top level (an app made inside a test stayed open and
// left its PostgreSQL database behind).
const limited = await createTestApp({ authRateLimitPerMinute: 3 })

describe('sign-in rate limit', () => {
  it('answers 429 after too many sign-in attempts from one address in a minute', async () => {
    const attempt = () =>
      limited.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: TEST_ORIGIN },
        remoteAddress: '203.0.113.7',
        payload: { email: 'nobody@example.test', password: 'wrong-password' },
      })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) statuses.push((await attempt()).statusCode)
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401])
    expect(statuses.slice(3)).toEqual([429, 429])
  })
})
