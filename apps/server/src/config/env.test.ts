import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './env.ts'

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
    expect(config.trustedOrigins).toEqual(['chrome-extension://abc', 'https://app.example'])
    expect(config.seedDemoData).toBe(false)
    expect(config.publicUrl).toBe('https://loopquiz.example')
  })
})
