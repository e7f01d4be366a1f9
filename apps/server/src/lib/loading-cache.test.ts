import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLoadingCache } from './loading-cache.ts'

describe('a loading cache', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['performance'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function counting(ttlMs = 1000, maxEntries = 10) {
    const loads: string[] = []
    const cache = createLoadingCache(
      async (key) => {
        loads.push(key)
        return `${key}#${loads.length}`
      },
      { ttlMs, maxEntries },
    )
    return { loads, cache }
  }

  it('loads a key once for everyone asking, also while the first load runs', async () => {
    const { loads, cache } = counting()
    const [first, second] = await Promise.all([cache.get('a'), cache.get('a')])
    expect(await cache.get('a')).toBe('a#1')
    expect([first, second]).toEqual(['a#1', 'a#1'])
    expect(loads).toEqual(['a'])
  })

  it('loads again after the key is dropped, and only that key', async () => {
    const { loads, cache } = counting()
    await cache.get('session:1')
    await cache.get('session:2')
    cache.delete('session:1')
    expect(await cache.get('session:1')).toBe('session:1#3')
    expect(await cache.get('session:2')).toBe('session:2#2')
    expect(loads).toEqual(['session:1', 'session:2', 'session:1'])
  })

  it('drops every key of a prefix', async () => {
    const { loads, cache } = counting()
    await Promise.all([cache.get('g1:u1'), cache.get('g1:u2'), cache.get('g2:u1')])
    cache.deletePrefix('g1:')
    await Promise.all([cache.get('g1:u1'), cache.get('g1:u2'), cache.get('g2:u1')])
    expect(loads).toEqual(['g1:u1', 'g1:u2', 'g2:u1', 'g1:u1', 'g1:u2'])
  })

  it('loads again once an entry has lived its time', async () => {
    const { loads, cache } = counting(1000)
    await cache.get('a')
    vi.advanceTimersByTime(999)
    await cache.get('a')
    vi.advanceTimersByTime(1)
    expect(await cache.get('a')).toBe('a#2')
    expect(loads).toEqual(['a', 'a'])
  })

  it('holds at most its limit, forgetting the oldest', async () => {
    const { loads, cache } = counting(1000, 2)
    await cache.get('a')
    await cache.get('b')
    await cache.get('c')
    await cache.get('b')
    await cache.get('a')
    expect(loads).toEqual(['a', 'b', 'c', 'a'])
  })

  it('forgets a failed load, so the next caller tries again', async () => {
    let attempts = 0
    const cache = createLoadingCache(
      async () => {
        attempts += 1
        if (attempts === 1) throw new Error('database down')
        return 'row'
      },
      { ttlMs: 1000, maxEntries: 10 },
    )
    await expect(cache.get('a')).rejects.toThrow('database down')
    expect(await cache.get('a')).toBe('row')
  })
})
