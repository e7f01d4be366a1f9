import { describe, expect, it } from 'vitest'
import { badgeText, bellLabel } from './labels'

describe('bellLabel', () => {
  it.each([
    [0, 'Notifications'],
    [1, 'Notifications, 1 unread'],
    [120, 'Notifications, 120 unread'],
  ])('%i → "%s"', (count, expected) => {
    expect(bellLabel(count)).toBe(expected)
  })
})

describe('badgeText', () => {
  it.each([
    [3, '3'],
    [99, '99'],
    [100, '99+'],
  ])('%i → "%s"', (count, expected) => {
    expect(badgeText(count)).toBe(expected)
  })
})
