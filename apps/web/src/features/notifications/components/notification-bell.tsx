import { type Notification, notificationHeadline } from '@loopquiz/contract'
import { Bell, BellRing } from 'lucide-react'
import { useEffect, useId, useRef, useState } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { useNotifications } from '../api/find-notifications'
import { useMarkNotificationRead } from '../api/mark-notification-read'
import { useNotificationEvents } from '../hooks/use-notification-events'
import { badgeText, bellLabel } from '../utils/labels'
import { unreadCountOf } from '../utils/notification-cache'
import { MarkAllReadButton } from './mark-all-read-button'
import { NotificationSummary } from './notification-summary'

/** As many as the panel shows; the rest are on /notifications. */
const PANEL_LIMIT = 5

function NotificationPanel({
  id,
  onClose,
}: {
  id: string
  /** After following a link: the panel closes, and the focus goes with the page. */
  onClose: () => void
}) {
  const notifications = useNotifications({ limit: PANEL_LIMIT })
  const markRead = useMarkNotificationRead()
  const headingId = `${id}-heading`
  const items = notifications.data?.pages[0]?.items.slice(0, PANEL_LIMIT) ?? []

  function open(notification: Notification) {
    if (notification.readAt === null) markRead.mutate(notification.id)
    onClose()
  }

  return (
    <section
      id={id}
      aria-labelledby={headingId}
      // Phones: the width of the screen under the top bar (the bell sits too far right for a
      // panel hanging from it); wider screens: hanging from the bell.
      className="fixed inset-x-3 top-16 z-30 flex max-h-[calc(100dvh-5rem)] animate-pop flex-col rounded-2xl bg-white shadow-xl ring-1 ring-slate-200 motion-reduce:animate-none sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:w-96"
    >
      <div className="flex items-center justify-between gap-3 border-b border-slate-100 py-2 pr-2 pl-4">
        <h2 id={headingId} className="font-bold text-slate-900">
          Notifications
        </h2>
        <MarkAllReadButton unreadCount={unreadCountOf(notifications.data)} />
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2">
        {notifications.isPending ? (
          <div className="p-2">
            <ListSkeleton rows={2} label="Loading your notifications…" />
          </div>
        ) : notifications.isError ? (
          <ErrorAlert
            error={notifications.error}
            action={
              <Button variant="secondary" size="sm" onClick={() => notifications.refetch()}>
                Try again
              </Button>
            }
          />
        ) : items.length === 0 ? (
          <p className="flex flex-col items-center gap-2 px-4 py-6 text-center text-sm text-slate-600">
            <BellRing aria-hidden className="size-5 text-brand-600" />
            Nothing yet. Sessions planned, moved or starting in your groups, and requests waiting
            for you, show up here.
          </p>
        ) : (
          <ul aria-label="Latest notifications" className="flex flex-col gap-0.5">
            {items.map((notification) => (
              <li key={notification.id}>
                <Link
                  to={notification.link}
                  onClick={() => open(notification)}
                  className="block rounded-xl px-3 py-2.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  <NotificationSummary notification={notification} />
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="border-t border-slate-100 p-2">
        <Link
          to="/notifications"
          onClick={onClose}
          className="block rounded-lg px-3 py-2 text-center text-sm font-semibold text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          See all notifications
        </Link>
      </div>
    </section>
  )
}

/**
 * The bell in the top bar: the unread count as a badge, kept current by pushes, and a panel
 * with the latest notifications. A disclosure: Escape or a click elsewhere closes it and the
 * focus goes back to the bell; tabbing out of it closes it too.
 */
export function NotificationBell() {
  const [isOpen, setIsOpen] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const panelId = useId()
  const containerRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  // The same query as the panel's: one request serves both the badge and the list.
  const notifications = useNotifications({ limit: PANEL_LIMIT })
  const unreadCount = unreadCountOf(notifications.data)
  useNotificationEvents((notification) =>
    setAnnouncement(`New notification: ${notificationHeadline(notification)}`),
  )

  useEffect(() => {
    if (!isOpen) return
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false)
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setIsOpen(false)
        buttonRef.current?.focus()
      }
    }
    function onFocusOut(event: FocusEvent) {
      // Only a move to something else on the page: a button that turns disabled (or a list
      // that reloads) drops the focus to nowhere, and that must not close the panel.
      const next = event.relatedTarget
      if (next instanceof Node && !containerRef.current?.contains(next)) setIsOpen(false)
    }
    const container = containerRef.current
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    container?.addEventListener('focusout', onFocusOut)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
      container?.removeEventListener('focusout', onFocusOut)
    }
  }, [isOpen])

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(unreadCount)}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen((open) => !open)}
        className="relative grid size-8 place-items-center rounded-full text-slate-600 transition-colors hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 sm:size-9"
      >
        <Bell aria-hidden className="size-5" />
        {unreadCount > 0 ? (
          <span
            aria-hidden
            className="absolute -top-0.5 -right-0.5 h-4.5 min-w-4.5 rounded-full bg-rose-600 px-1 text-center text-[11px] leading-4.5 font-bold text-white tabular-nums ring-2 ring-white"
          >
            {badgeText(unreadCount)}
          </span>
        ) : null}
      </button>
      <span role="status" className="sr-only">
        {announcement}
      </span>
      {isOpen ? <NotificationPanel id={panelId} onClose={() => setIsOpen(false)} /> : null}
    </div>
  )
}
