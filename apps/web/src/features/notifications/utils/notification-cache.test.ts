import type { Notification } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import {
  type NotificationPages,
  unreadCountOf,
  withCreated,
  withRead,
  withUnreadCount,
} from './notification-cache'

function notification(id: string, readAt: string | null = null): Notification {
  return {
    id,
    type: 'session_scheduled',
    createdAt: '2026-12-04T10:00:00.000Z',
    readAt,
    group: { id: '00000000-0000-4000-8000-000000000001', name: 'Film club' },
    session: null,
    actorName: 'Ada',
    outcome: null,
    link: `/somewhere/${id}`,
  }
}

function pages(...items: Notification[][]): NotificationPages {
  return {
    pages: items.map((pageItems, index) => ({
      items: pageItems,
      nextCursor: index < items.length - 1 ? `cursor-${index}` : null,
      unreadCount: 9,
    })),
    pageParams: items.map((_, index) => (index === 0 ? undefined : `cursor-${index - 1}`)),
  }
}

const ids = (data: NotificationPages) => data.pages.map((page) => page.items.map((n) => n.id))
const readAt = '2026-12-04T12:00:00.000Z'

describe('unreadCountOf', () => {
  it('takes the count of the page fetched last, and 0 before anything is known', () => {
    const data: NotificationPages = {
      pages: [
        { items: [notification('a')], nextCursor: 'cursor-0', unreadCount: 3 },
        { items: [notification('b')], nextCursor: null, unreadCount: 4 },
      ],
      pageParams: [undefined, 'cursor-0'],
    }
    expect(unreadCountOf(data)).toBe(4)
    expect(unreadCountOf(undefined)).toBe(0)
  })
})

describe('withCreated', () => {
  it('puts the new notification on top of the first page and takes the pushed count', () => {
    const data = pages([notification('a'), notification('b')], [notification('c')])
    const next = withCreated(data, { notification: notification('new'), unreadCount: 10 })
    expect(ids(next)).toEqual([['new', 'a', 'b'], ['c']])
    expect(next.pages.map((page) => page.unreadCount)).toEqual([10, 10])
    expect(next.pageParams).toEqual(data.pageParams)
  })

  it('does not list one twice when a refetch brought it already', () => {
    const data = pages([notification('a')], [notification('b')])
    const next = withCreated(data, { notification: notification('b'), unreadCount: 2 })
    expect(ids(next)).toEqual([['a'], ['b']])
    expect(unreadCountOf(next)).toBe(2)
  })

  it('lists it on an empty first page', () => {
    const next = withCreated(pages([]), { notification: notification('new'), unreadCount: 1 })
    expect(ids(next)).toEqual([['new']])
  })
})

describe('withRead', () => {
  it('marks that one read, keeps the others and a time already set, and takes the count', () => {
    const earlier = '2026-12-01T08:00:00.000Z'
    const data = pages([notification('a'), notification('b', earlier)], [notification('c')])
    const next = withRead(data, 'c', { unreadCount: 1, readAt })
    expect(next.pages.flatMap((page) => page.items.map((n) => [n.id, n.readAt]))).toEqual([
      ['a', null],
      ['b', earlier],
      ['c', readAt],
    ])
    expect(unreadCountOf(next)).toBe(1)
    expect(withRead(data, 'b', { unreadCount: 1, readAt }).pages[0]?.items[1]?.readAt).toBe(earlier)
  })
})

describe('withUnreadCount', () => {
  it('at 0, shows every listed notification read', () => {
    const data = pages([notification('a')], [notification('b')])
    const next = withUnreadCount(data, { unreadCount: 0, readAt })
    expect(next.pages.flatMap((page) => page.items.map((n) => n.readAt))).toEqual([readAt, readAt])
    expect(unreadCountOf(next)).toBe(0)
  })

  it('at any other count, changes the count only: which ones were read is not known here', () => {
    const data = pages([notification('a'), notification('b')])
    const next = withUnreadCount(data, { unreadCount: 1, readAt })
    expect(next.pages[0]?.items.map((n) => n.readAt)).toEqual([null, null])
    expect(unreadCountOf(next)).toBe(1)
  })
})
