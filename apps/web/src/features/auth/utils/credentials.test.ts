import { describe, expect, it } from 'vitest'
import { confirmationError, emailError, newPasswordError } from './credentials'

describe('emailError', () => {
  it.each([
    ['ada@example.test', undefined],
    ['  ada@example.test  ', undefined],
    ['', 'Enter a valid email address.'],
    ['ada', 'Enter a valid email address.'],
    ['ada@example', 'Enter a valid email address.'],
    ['a da@example.test', 'Enter a valid email address.'],
  ])('%j → %s', (email, expected) => {
    expect(emailError(email)).toBe(expected)
  })
})

describe('newPasswordError', () => {
  it.each([
    ['', 'Use at least 8 characters.'],
    ['1234567', 'Use at least 8 characters.'],
    ['12345678', undefined],
    ['x'.repeat(128), undefined],
    ['x'.repeat(129), 'Use at most 128 characters.'],
  ])('%j → %s', (password, expected) => {
    expect(newPasswordError(password)).toBe(expected)
  })
})

describe('confirmationError', () => {
  it('accepts the same password and names a different one', () => {
    expect(confirmationError('correct-horse', 'correct-horse')).toBeUndefined()
    expect(confirmationError('correct-horse', 'correct-hors')).toBe('The two passwords differ.')
  })
})
