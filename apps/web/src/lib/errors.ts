import { ApiError, type ErrorCode, type FieldIssue, fieldIssueSchema } from '@loopquiz/contract'
import { formatDateTime } from './format'

/** A failed Better Auth call (sign-up, sign-in, sign-out), shaped like the rest of our errors. */
export class AuthRequestError extends Error {
  readonly status: number
  readonly code: string | undefined

  constructor(status: number, message: string, code?: string) {
    super(message)
    this.name = 'AuthRequestError'
    this.status = status
    this.code = code
  }
}

/** Turns what Better Auth's client returns as `error` into an AuthRequestError. */
export function toAuthRequestError(error: {
  status: number
  statusText?: string
  message?: string
  code?: string
}): AuthRequestError {
  return new AuthRequestError(
    error.status,
    error.message ?? error.statusText ?? 'Request failed',
    error.code,
  )
}

/** What the user is shown about an error: one sentence, and the fields at fault if any. */
export interface ErrorDescription {
  title: string
  message: string
  fields: FieldIssue[]
}

const rateLimited: ErrorDescription = {
  title: 'Slow down a little',
  message: 'Too many attempts in a short time. Wait a minute, then try again.',
  fields: [],
}

const offline: ErrorDescription = {
  title: 'Can’t reach LoopQuiz',
  message: 'Check your internet connection, then try again.',
  fields: [],
}

const friendlyApiMessages: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again to continue.',
  SERVICE_UNAVAILABLE: 'LoopQuiz is having trouble right now. Try again in a moment.',
  INTERNAL: 'Something went wrong on our side. Try again in a moment.',
}

/** Titles for errors whose server message is worth showing as is, under a clearer heading. */
const friendlyApiTitles: Partial<Record<ErrorCode, string>> = {
  FORBIDDEN: 'You can’t do that here',
  INVITATION_EMAIL_MISMATCH: 'This invitation is for another email address',
  INVITATION_NOT_PENDING: 'This invitation can’t be used any more',
  OWNER_MUST_TRANSFER: 'Transfer ownership first',
  JOIN_CODE_NOT_FOUND: 'This join code doesn’t work',
  SCHEDULE_NOT_ALLOWED: 'This time isn’t allowed in this group',
  INVALID_RECURRENCE: 'This repetition isn’t possible',
  SOURCE_HAS_NO_QUESTIONS: 'This loop has no questions',
  SESSION_NOT_OPEN: 'This session isn’t open',
  ILLEGAL_TRANSITION: 'The session has moved on',
  APPROVAL_REQUIRED: 'This group approves sessions first',
  NO_LONGER_A_MEMBER: 'You are no longer a member of this group',
}

const emailTaken = {
  title: 'This email is already registered',
  message: 'An account with this email already exists. Sign in instead, or use another email.',
}

const friendlyAuthErrors: Record<string, { title: string; message: string }> = {
  INVALID_EMAIL_OR_PASSWORD: {
    title: 'Could not sign you in',
    message: 'Wrong email or password.',
  },
  USER_ALREADY_EXISTS: emailTaken,
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: emailTaken,
  PASSWORD_TOO_SHORT: {
    title: 'Password too short',
    message: 'Use at least 8 characters for your password.',
  },
  PASSWORD_TOO_LONG: { title: 'Password too long', message: 'Use at most 128 characters.' },
  INVALID_EMAIL: { title: 'Please check your email', message: 'Enter a valid email address.' },
}

const isoInstant = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g

/** Server messages name instants in ISO 8601 ("start at 2026-11-28T14:03:39Z"); people read their own clock. */
function withReadableTimes(message: string): string {
  return message.replace(isoInstant, (iso) => formatDateTime(iso))
}

function fieldIssuesOf(details: unknown): FieldIssue[] {
  const parsed = fieldIssueSchema.array().safeParse(details)
  return parsed.success ? parsed.data : []
}

/** Makes a field path readable: "body.displayName" → "displayName". */
export function fieldLabel(path: string): string {
  return path.replace(/^(body|query|params)\./, '')
}

/** The one translation of any error (API, auth, network) into words for the user. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ApiError) {
    if (error.status === 429 || error.code === 'RATE_LIMITED') return rateLimited
    if (error.code === 'VALIDATION_FAILED') {
      return {
        title: 'Please check your input',
        message: error.message,
        fields: fieldIssuesOf(error.details),
      }
    }
    return {
      title: friendlyApiTitles[error.code] ?? 'Something went wrong',
      message: friendlyApiMessages[error.code] ?? withReadableTimes(error.message),
      fields: [],
    }
  }
  if (error instanceof AuthRequestError) {
    if (error.status === 429) return rateLimited
    if (error.status === 0) return offline
    const known = error.code ? friendlyAuthErrors[error.code] : undefined
    if (known) return { ...known, fields: [] }
    return {
      title: error.status === 401 ? 'Could not sign you in' : 'Something went wrong',
      message: error.message,
      fields: [],
    }
  }
  // fetch() rejects with a TypeError when the network (or the server) is unreachable.
  if (error instanceof TypeError) return offline
  if (error instanceof Error) {
    return { title: 'Something went wrong', message: error.message, fields: [] }
  }
  return { title: 'Something went wrong', message: 'Please try again.', fields: [] }
}

/** True for an API error with one of the given codes. */
export function hasErrorCode(error: unknown, ...codes: ErrorCode[]): error is ApiError {
  return error instanceof ApiError && codes.includes(error.code)
}
