import { AuthRequestError, toAuthRequestError } from '../../../lib/errors'

/** Better Auth's error, with "Invalid password" said the way these forms ask for it. */
export function toAccountError(error: Parameters<typeof toAuthRequestError>[0]): AuthRequestError {
  const failure = toAuthRequestError(error)
  if (failure.code !== 'INVALID_PASSWORD') return failure
  return new AuthRequestError(failure.status, 'That is not your current password.', failure.code)
}
