import type { ErrorCode } from '@loopquiz/contract'

/** A failure the caller can act on; mapped to an HTTP status by the error handler alone. */
export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, options: { message: string; details?: unknown }) {
    super(options.message)
    this.code = code
    this.details = options.details
  }
}
