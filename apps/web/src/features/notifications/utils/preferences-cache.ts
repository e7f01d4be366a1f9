import type { NotificationPreferences, UpdateNotificationPreferencesBody } from '@loopquiz/contract'

/** The preferences as they will be once the server has taken `change`. */
export function withChange(
  preferences: NotificationPreferences,
  change: UpdateNotificationPreferencesBody,
): NotificationPreferences {
  return {
    email: { ...preferences.email, ...change.email },
    timeZone: change.timeZone === undefined ? preferences.timeZone : change.timeZone,
  }
}

/**
 * `change` undone: what it named goes back to how it was before it, the rest stays. Other
 * changes made since (the user clicking on while this one failed) are kept, unlike putting
 * the whole earlier value back.
 */
export function withChangeUndone(
  preferences: NotificationPreferences,
  before: NotificationPreferences,
  change: UpdateNotificationPreferencesBody,
): NotificationPreferences {
  const email = { ...preferences.email }
  for (const type of Object.keys(change.email ?? {}) as (keyof typeof email)[]) {
    email[type] = before.email[type]
  }
  return {
    email,
    timeZone: change.timeZone === undefined ? preferences.timeZone : before.timeZone,
  }
}
