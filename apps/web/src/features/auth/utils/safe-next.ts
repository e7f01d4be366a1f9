/**
 * The `?next=` target after signing in, kept to paths of this app: an absolute or
 * protocol-relative URL would let a crafted link send a fresh session elsewhere.
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  return next
}

/** The login URL that comes back to `path` afterwards. */
export function loginPath(path: string): string {
  return `/login?next=${encodeURIComponent(path)}`
}
