import { describe, expect, it } from 'vitest'
import {
  verificationCallbackPath,
  verificationOutcomeOf,
  withoutVerificationOutcome,
} from './email-verification'

describe('verificationCallbackPath', () => {
  it.each([
    ['/', '/?verified=1'],
    ['/invitations/abc123', '/invitations/abc123?verified=1'],
    ['/loops/new', '/?verified=1'],
    ['/groups/join/ABCD', '/?verified=1'],
    ['/invitations/abc/extra', '/?verified=1'],
    ['/invitations/abc?x=1', '/?verified=1'],
    ['/invitations/', '/?verified=1'],
  ])('%s → %s', (next, expected) => {
    expect(verificationCallbackPath(next)).toBe(expected)
  })
})

describe('verificationOutcomeOf', () => {
  it.each([
    ['', null],
    ['?next=/x', null],
    ['?error=INVALID_TOKEN', null],
    ['?verified=1', 'confirmed'],
    ['?verified=1&error=TOKEN_EXPIRED', 'failed'],
    ['?verified=1&error=INVALID_TOKEN', 'failed'],
  ])('%s → %s', (search, expected) => {
    expect(verificationOutcomeOf(new URLSearchParams(search))).toBe(expected)
  })
})

describe('withoutVerificationOutcome', () => {
  it('drops what the link added and keeps the rest', () => {
    const search = new URLSearchParams('verified=1&error=TOKEN_EXPIRED&tab=all')
    expect(withoutVerificationOutcome(search).toString()).toBe('tab=all')
    expect(search.toString()).toBe('verified=1&error=TOKEN_EXPIRED&tab=all')
  })
})
