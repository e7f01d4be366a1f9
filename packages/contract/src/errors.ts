import { z } from 'zod'

/** Every error code the API can return, with when it is thrown. */
export const errorCodes = {
  VALIDATION_FAILED:
    'The request body, query or path did not match the schema; details name the fields.',
  UNAUTHENTICATED:
    'The endpoint needs a signed-in user and the request carried no valid session or token.',
  FORBIDDEN: 'The caller is signed in but may not do this.',
  NOT_FOUND: 'The route does not exist.',
  LOOP_NOT_FOUND: 'No loop with this id belongs to the caller.',
  SHARE_NOT_FOUND: 'No question set has this share token.',
  SHARE_EXPIRED: 'The share link existed but its expiry has passed.',
  SHARE_REQUIRES_SIGN_IN: 'The question set is shared with signed-in users only.',
  SHARE_DISABLED:
    'The author turned the share link off; nothing more can be started or answered through it.',
  SHARE_IS_SESSION_COPY:
    'The question set is the copy a group session took; it opens and closes with its session.',
  ATTEMPT_LIMIT_REACHED:
    'The signed-in user has used every attempt the author allows at this quiz.',
  ATTEMPT_NOT_FOUND: 'No attempt with this id is visible to the caller.',
  ATTEMPT_FINISHED: 'The attempt was finished; it takes no more answers.',
  ATTEMPT_NOT_FINISHED: 'The attempt is still in progress, so it has no result yet.',
  QUESTION_NOT_IN_SET: 'The answered question id is not part of the attempt’s question set.',
  ANSWER_ALREADY_RECORDED:
    'The question already has an answer (under another client answer id) in this attempt.',
  TIME_LIMIT_PASSED:
    'The question has a time limit and the answer came after it (plus a short grace) ran out since the question was first opened.',
  ANSWER_DOES_NOT_FIT_QUESTION:
    'The response has the wrong shape for the question type, or names an unknown option.',
  DISPLAY_NAME_REQUIRED: 'A guest must give a display name to take a public quiz.',
  GROUP_NOT_FOUND: 'No group with this id has the caller as a member (or it was deleted).',
  MEMBER_NOT_FOUND: 'The user is not a member of this group.',
  OWNER_MUST_TRANSFER:
    'The owner tried to leave or be removed; ownership must be transferred first.',
  INVITATION_NOT_FOUND: 'No invitation has this token or id.',
  INVITATION_NOT_PENDING: 'The invitation was already accepted, revoked, or has expired.',
  INVITATION_EMAIL_MISMATCH:
    'The invitation was sent to another e-mail address than the signed-in user’s.',
  JOIN_CODE_NOT_FOUND: 'No group has this join code (it may have been regenerated).',
  JOIN_REQUEST_NOT_FOUND: 'No pending join request with this id in this group.',
  NOTIFICATION_NOT_FOUND: 'No notification with this id belongs to the caller.',
  UNSUBSCRIBE_LINK_INVALID: 'An unsubscribe token that this server did not sign.',
  EMAIL_NOT_VERIFIED:
    'The action needs a confirmed e-mail address, and the caller has not confirmed theirs.',
  JOIN_REQUEST_NOT_PENDING:
    'The caller withdrew a join request that was already approved or rejected.',
  SESSION_NOT_FOUND: 'No session with this id in this group.',
  ILLEGAL_TRANSITION:
    'The session is in a state that does not allow this (e.g. cancelling a completed session).',
  SESSION_NOT_OPEN:
    'The session is not active (not started yet, or over) so it takes no answers or participants.',
  LIVE_ACTION_NOT_ALLOWED:
    'The live session is in a phase that does not allow this host action (e.g. next while a question runs), or the session is not live.',
  QUESTION_LOCKED:
    'In a live session: the question is not the one being played, or it stopped taking answers (time ran out, or the host locked it).',
  SCHEDULE_NOT_ALLOWED:
    'The time breaks the group’s rules: in the past, too soon (advance notice) or outside the allowed time slots.',
  APPROVAL_REQUIRED:
    'The group has owners or admins approve sessions by members: an instant session cannot wait, so schedule it for approval instead.',
  NO_LONGER_A_MEMBER:
    'The caller left or was removed from the group: its open sessions take nothing more from them.',
  INVALID_RECURRENCE: 'The recurrence rule is not a valid or supported RFC 5545 RRULE.',
  SOURCE_HAS_NO_QUESTIONS: 'The loop or share chosen as the session’s source has no questions.',
  RATE_LIMITED: 'Too many requests; retry after the time in the Retry-After header.',
  SERVICE_UNAVAILABLE: 'A dependency such as the database is not reachable.',
  INTERNAL: 'Something unexpected failed; the details are in the server log, not the response.',
} as const

export type ErrorCode = keyof typeof errorCodes

export const errorCodeSchema = z.enum(Object.keys(errorCodes) as [ErrorCode, ...ErrorCode[]])

/** One problem with one field of a request. */
export const fieldIssueSchema = z.object({
  path: z.string().describe('Dotted path of the field, e.g. body.questions.0.prompt'),
  message: z.string(),
})
export type FieldIssue = z.infer<typeof fieldIssueSchema>

/** The body of every error response. */
export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
