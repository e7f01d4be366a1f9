import { passwordRules } from '@loopquiz/contract'

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The field error for an e-mail address the user typed, or undefined when it looks usable. */
export function emailError(email: string): string | undefined {
  return emailPattern.test(email.trim()) ? undefined : 'Enter a valid email address.'
}

/** The field error for a password being chosen, by the lengths the server accepts. */
export function newPasswordError(password: string): string | undefined {
  const { minLength, maxLength } = passwordRules
  if (password.length < minLength) return `Use at least ${minLength} characters.`
  if (password.length > maxLength) return `Use at most ${maxLength} characters.`
  return undefined
}

/** The field error for the repeated password. */
export function confirmationError(password: string, confirmation: string): string | undefined {
  return confirmation === password ? undefined : 'The two passwords differ.'
}
