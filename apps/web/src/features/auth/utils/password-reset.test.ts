import { describe, expect, it } from 'vitest'
import { resetLinkOf } from './password-reset'

describe('resetLinkOf', () => {
  it.each([
    ['?token=abc', { isValid: true, token: 'abc' }],
    ['?error=INVALID_TOKEN', { isValid: false }],
    ['?token=abc&error=INVALID_TOKEN', { isValid: false }],
    ['?token=', { isValid: false }],
    ['', { isValid: false }],
  ])('%s', (search, expected) => {
    expect(resetLinkOf(new URLSearchParams(search))).toEqual(expected)
  })
})
