/** The bell's accessible name: "Notifications, 3 unread", or just "Notifications" at 0. */
export function bellLabel(unreadCount: number): string {
  return unreadCount > 0 ? `Notifications, ${unreadCount} unread` : 'Notifications'
}

/** What the bell's badge shows; past 99 it would crowd a phone's top bar. */
export function badgeText(unreadCount: number): string {
  return unreadCount > 99 ? '99+' : String(unreadCount)
}
