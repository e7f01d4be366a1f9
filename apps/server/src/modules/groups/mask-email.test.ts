import { describe, expect, it } from 'vitest'
import { maskEmail } from './mask-email.ts'

describe('maskEmail', () => {
  it.each([
    ['jane.doe@example.com', 'j•••@example.com'],
    ['j@example.com', 'j•••@example.com'],
    ['ab@x.io', 'a•••@x.io'],
    ['"odd@local"@example.com', '"•••@example.com'],
    ['élodie@exemple.fr', 'é•••@exemple.fr'],
    ['😀smile@example.com', '😀•••@example.com'],
    ['no-at-sign', '•••'],
    ['@example.com', '•••'],
  ])('%s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked)
  })

  it('does not tell the length of the mailbox', () => {
    expect(maskEmail('al@example.com')).toBe(maskEmail('alexandra@example.com'))
  })
})
