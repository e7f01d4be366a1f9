/** What the reset link that led to /reset-password carries. */
export type ResetLink = { isValid: true; token: string } | { isValid: false }

/**
 * Better Auth's link redirects here with `?token=` when it is still good and with
 * `?error=INVALID_TOKEN` when it has expired or was used.
 */
export function resetLinkOf(search: URLSearchParams): ResetLink {
  const token = search.get('token')
  if (search.has('error') || !token) return { isValid: false }
  return { isValid: true, token }
}
