import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCoalescer } from './coalescer.ts'

describe('coalescing updates per key', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  function recorder(interval: number | ((key: string) => number) = 100) {
    const deliveries: Array<[string, number[]]> = []
    const coalescer = createCoalescer<number>(interval, (key, values) =>
      deliveries.push([key, values]),
    )
    return { deliveries, coalescer }
  }

  it('delivers the first update after a quiet spell at once, with others of the same turn', () => {
    const { deliveries, coalescer } = recorder()
    coalescer.add('s1', 'a', 1)
    coalescer.add('s1', 'b', 2)
    expect(deliveries).toEqual([])
    vi.advanceTimersByTime(0)
    expect(deliveries).toEqual([['s1', [1, 2]]])
  })

  it('holds later updates until the interval has passed, keeping the latest of each entry', () => {
    const { deliveries, coalescer } = recorder()
    coalescer.add('s1', 'a', 1)
    vi.advanceTimersByTime(0)
    coalescer.add('s1', 'a', 2)
    coalescer.add('s1', 'a', 3)
    coalescer.add('s1', 'b', 4)
    vi.advanceTimersByTime(99)
    expect(deliveries).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(deliveries[1]).toEqual(['s1', [3, 4]])
  })

  it('spaces each key by itself', () => {
    const { deliveries, coalescer } = recorder()
    coalescer.add('s1', 'a', 1)
    vi.advanceTimersByTime(0)
    coalescer.add('s2', 'a', 2)
    vi.advanceTimersByTime(0)
    expect(deliveries).toEqual([
      ['s1', [1]],
      ['s2', [2]],
    ])
  })

  it('asks the interval of each key when it has one per key', () => {
    const { deliveries, coalescer } = recorder((key) => (key === 'big' ? 1000 : 10))
    for (const key of ['big', 'small']) coalescer.add(key, 'a', 1)
    vi.advanceTimersByTime(0)
    for (const key of ['big', 'small']) coalescer.add(key, 'a', 2)
    vi.advanceTimersByTime(10)
    expect(deliveries.map(([key]) => key)).toEqual(['big', 'small', 'small'])
    vi.advanceTimersByTime(990)
    expect(deliveries.map(([key]) => key)).toEqual(['big', 'small', 'small', 'big'])
  })

  it('hands over everything pending on flush, and nothing after stop', () => {
    const { deliveries, coalescer } = recorder()
    coalescer.add('s1', 'a', 1)
    coalescer.flush()
    expect(deliveries).toEqual([['s1', [1]]])
    coalescer.add('s1', 'a', 2)
    coalescer.stop()
    vi.advanceTimersByTime(1000)
    expect(deliveries).toHaveLength(1)
  })
})
