import type { ErrorBody, ErrorCode, FieldIssue } from '@loopquiz/contract'
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError } from '../lib/app-error.ts'

/** The only place an error code becomes an HTTP status. */
export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  LOOP_NOT_FOUND: 404,
  SHARE_NOT_FOUND: 404,
  SHARE_EXPIRED: 404,
  SHARE_REQUIRES_SIGN_IN: 401,
  SHARE_DISABLED: 410,
  SHARE_IS_SESSION_COPY: 409,
  ATTEMPT_LIMIT_REACHED: 403,
  ATTEMPT_NOT_FOUND: 404,
  ATTEMPT_FINISHED: 409,
  ATTEMPT_NOT_FINISHED: 409,
  QUESTION_NOT_IN_SET: 400,
  ANSWER_ALREADY_RECORDED: 409,
  TIME_LIMIT_PASSED: 409,
  ANSWER_DOES_NOT_FIT_QUESTION: 400,
  DISPLAY_NAME_REQUIRED: 400,
  GROUP_NOT_FOUND: 404,
  MEMBER_NOT_FOUND: 404,
  OWNER_MUST_TRANSFER: 409,
  INVITATION_NOT_FOUND: 404,
  INVITATION_NOT_PENDING: 409,
  INVITATION_EMAIL_MISMATCH: 403,
  JOIN_CODE_NOT_FOUND: 404,
  JOIN_REQUEST_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  UNSUBSCRIBE_LINK_INVALID: 400,
  EMAIL_NOT_VERIFIED: 403,
  JOIN_REQUEST_NOT_PENDING: 409,
  SESSION_NOT_FOUND: 404,
  ILLEGAL_TRANSITION: 409,
  LIVE_ACTION_NOT_ALLOWED: 409,
  QUESTION_LOCKED: 409,
  SESSION_NOT_OPEN: 409,
  SCHEDULE_NOT_ALLOWED: 422,
  APPROVAL_REQUIRED: 403,
  NO_LONGER_A_MEMBER: 403,
  INVALID_RECURRENCE: 400,
  SOURCE_HAS_NO_QUESTIONS: 400,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
}

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}

function fieldIssues(
  error: FastifyError & { validation: { instancePath: string; message?: string }[] },
) {
  const context = error.validationContext ?? 'body'
  return error.validation.map(
    (issue): FieldIssue => ({
      path: [context, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }),
  )
}

/**
 * Fastify's option `frameworkErrors`: a URL the router cannot read (bad percent-encoding, a
 * path segment over Fastify's maxParamLength) is refused before any route or error handler
 * runs, so without this it answers in Fastify's own body instead of the contract's.
 */
export function replyToFrameworkError(error: FastifyError, _request: unknown, reply: FastifyReply) {
  const status = error.statusCode ?? 500
  if (status >= 500) {
    reply.log.error({ err: error }, 'unhandled framework error')
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side.'))
  }
  const reason =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? 'has a path segment longer than the API accepts'
      : 'is not a valid URL (bad percent-encoding)'
  return reply
    .status(status)
    .send(
      body('VALIDATION_FAILED', `Invalid request: params: ${reason}`, [
        { path: 'params', message: reason },
      ]),
    )
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(statusOf[error.code]).send(body(error.code, error.message, error.details))
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = fieldIssues(error)
      const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
      return reply
        .status(400)
        .send(body('VALIDATION_FAILED', `Invalid request: ${summary}`, issues))
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', 'Too many requests; try again shortly.'))
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own 4xx: malformed JSON, wrong content type, body too large.
      return reply
        .status(error.statusCode)
        .send(body('VALIDATION_FAILED', error.message.replace(/^FST_\w+: /, '')))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side.'))
  })

  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(body('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`)),
  )
}
