/**
 * An e-mail address with all but the first character of its mailbox hidden
 * (jane@example.com → j•••@example.com): enough for the invitee to recognise their
 * address, not enough for whoever else holds the invitation link to learn it. The
 * number of dots is fixed so the length of the name is not told either.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '•••'
  const [first] = Array.from(email.slice(0, at))
  return `${first}•••${email.slice(at)}`
}
