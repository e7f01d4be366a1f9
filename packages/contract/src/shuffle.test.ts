import { describe, expect, it } from 'vitest'
import { shuffledFor, shuffleSeed } from './shuffle.ts'

const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']

describe('a participant’s shuffled order', () => {
  it('keeps every item exactly once', () => {
    expect([...shuffledFor(items, 'seed')].sort()).toEqual(items)
  })

  it('is the same every time for the same seed', () => {
    expect(shuffledFor(items, 'session:user:options')).toEqual(
      shuffledFor(items, 'session:user:options'),
    )
  })

  it('differs between participants of the same session', () => {
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) =>
        shuffledFor(items, shuffleSeed('session', `user-${i}`, 'options')).join(''),
      ),
    )
    expect(orders.size).toBeGreaterThan(15)
  })

  it('leaves a list of one or none as it is', () => {
    expect(shuffledFor(['only'], 'x')).toEqual(['only'])
    expect(shuffledFor([], 'x')).toEqual([])
  })
})
