import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, trustedOriginsFor } from './env.ts'

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      seedDemoData: true,
    })
    expect(config.dataDir).toMatch(/data$/)
  })

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError)
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })
    } catch (error) {
      expect(String(error)).toMatch(/PORT/)
      expect(String(error)).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/)
    }
  })

  it('never echoes a secret it refuses', () => {
    const attempt = () => loadConfig({ AUTH_SECRET: 'short-secret-value' })
    expect(attempt).toThrow(/AUTH_SECRET/)
    expect(attempt).not.toThrow(/short-secret-value/)
  })

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_SECRET: is required in production/,
    )
  })

  it('reads lists and booleans', () => {
    const config = loadConfig({
      TRUSTED_ORIGINS: 'chrome-extension://abc, https://app.example',
      DEMO_DATA: 'false',
      PUBLIC_URL: 'https://loopquiz.example/',
    })
    expect(config.trustedOrigins).toEqual(
      expect.arrayContaining(['chrome-extension://abc', 'https://app.example']),
    )
    expect(config.seedDemoData).toBe(false)
    expect(config.publicUrl).toBe('https://loopquiz.example')
  })
})

describe('mail settings', () => {
  it('writes mail under the data directory from a mail address of its own by default', () => {
    const config = loadConfig({ DATA_DIR: '/srv/loopquiz' })
    expect(config).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'LoopQuiz <no-reply@localhost>',
      mailDir: '/srv/loopquiz/mail',
    })
  })

  it('sends through SMTP_URL from MAIL_FROM', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://user:pass@mail.example:465',
      MAIL_FROM: 'Quiz <quiz@example.org>',
    })
    expect(config.smtpUrl).toBe('smtps://user:pass@mail.example:465')
    expect(config.mailFrom).toBe('Quiz <quiz@example.org>')
  })

  it('refuses an SMTP_URL of another scheme without echoing its password', () => {
    const attempt = () => loadConfig({ SMTP_URL: 'http://user:hunter2-secret@mail.example' })
    expect(attempt).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/)
    expect(attempt).not.toThrow(/hunter2-secret/)
  })
})

describe('trusted origins', () => {
  it('trusts every loopback spelling of the default port in development', () => {
    expect(loadConfig({}).trustedOrigins).toEqual([
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
    ])
  })

  it('follows PORT, and TRUSTED_ORIGINS on loopback, when not in production', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '4100',
      TRUSTED_ORIGINS: 'http://localhost:5173,chrome-extension://abc',
    })
    expect(config.trustedOrigins).toEqual([
      'http://localhost:4100',
      'http://127.0.0.1:4100',
      'http://[::1]:4100',
      'http://localhost:5173',
      'http://127.0.0.1:5173',
      'http://[::1]:5173',
      'chrome-extension://abc',
    ])
  })

  it('trusts a loopback PUBLIC_URL given as 127.0.0.1 under localhost too', () => {
    expect(trustedOriginsFor('development', 'http://127.0.0.1:8080', [])).toEqual([
      'http://127.0.0.1:8080',
      'http://localhost:8080',
      'http://[::1]:8080',
    ])
  })

  it('adds nothing to a public PUBLIC_URL in development', () => {
    expect(trustedOriginsFor('development', 'https://quiz.example', [])).toEqual([
      'https://quiz.example',
    ])
  })

  it('trusts only PUBLIC_URL and TRUSTED_ORIGINS in production, loopback or not', () => {
    const secret = 'a-production-secret-of-32-characters!'
    expect(
      loadConfig({
        NODE_ENV: 'production',
        AUTH_SECRET: secret,
        PUBLIC_URL: 'https://quiz.example/',
        TRUSTED_ORIGINS: 'chrome-extension://abc',
      }).trustedOrigins,
    ).toEqual(['https://quiz.example', 'chrome-extension://abc'])
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: secret }).trustedOrigins).toEqual([
      'http://localhost:3000',
    ])
  })
})
