/** The query parameter that marks arriving from a confirmation link (see verificationCallbackPath). */
const ARRIVAL_PARAM = 'verified'
// Better Auth adds it to the same address when the link is no good (expired, forged).
const ERROR_PARAM = 'error'

const invitationPath = /^\/invitations\/[^/?#]+$/

/**
 * Where the mailed confirmation link leads once the address is confirmed. An invitee comes
 * back to their invitation, since accepting it is what they confirm for; everyone else to the
 * dashboard. Only those two pages say that the address is confirmed.
 */
export function verificationCallbackPath(next: string): string {
  const path = invitationPath.test(next) ? next : '/'
  return `${path}?${ARRIVAL_PARAM}=1`
}

export type VerificationOutcome = 'confirmed' | 'failed'

/** What the confirmation link that led here did, or null when the visit did not come from one. */
export function verificationOutcomeOf(search: URLSearchParams): VerificationOutcome | null {
  if (!search.has(ARRIVAL_PARAM)) return null
  return search.has(ERROR_PARAM) ? 'failed' : 'confirmed'
}

/** The query without what the confirmation link added, so a reload does not say it again. */
export function withoutVerificationOutcome(search: URLSearchParams): URLSearchParams {
  const rest = new URLSearchParams(search)
  rest.delete(ARRIVAL_PARAM)
  rest.delete(ERROR_PARAM)
  return rest
}
