// Typed application errors. Library code throws AppError with a code from this closed union;
// adapters (actions, routes, workers) map the code to a user message, an HTTP status or a retry.

export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "INVALID_INPUT",
  "BBB_UNAVAILABLE",
  "QUEUE_UNAVAILABLE",
  "DATABASE_UNAVAILABLE",
  "LIVES_DISABLED",
  "LIVE_CAP_REACHED",
  "MEETING_NOT_RUNNING",
  "NOT_A_MODERATOR",
  "LIVE_ALREADY_ACTIVE",
  "LIVE_STILL_ACTIVE",
  "LIVE_NOT_ACTIVE",
  "SIGN_IN_THROTTLED",
  "ALREADY_CLAIMED",
  "BUILDING_NOT_EMPTY",
  "BROADCASTER_IN_USE",
  "OWN_ACCOUNT",
  "IMPORT_NOT_SUPPORTED",
  "CHAT_DISABLED",
  "LIVE_NOT_RUNNING",
  "CHAT_MESSAGE_EMPTY",
  "CHAT_MESSAGE_TOO_LONG",
  "CHAT_RATE_LIMITED",
  "CHAT_CLOSED",
  "CHAT_MUTED",
  "CHAT_SLOW_MODE",
  "STREAM_UNAVAILABLE",
  "URL_REFUSED",
  "INTERNAL",
] as const

export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

export class AppError extends Error {
  readonly code: AppErrorCode
  /** Extra, non-secret detail for logs (never shown to users as is). */
  readonly details?: Record<string, unknown>

  constructor(code: AppErrorCode, options: { message?: string; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(options.message ?? code, { cause: options.cause })
    this.name = "AppError"
    this.code = code
    this.details = options.details
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError
}

/**
 * Worth retrying later (a job retries with backoff)? An error may say so itself (BbbError knows that
 * a wrong secret or an unknown meeting will not heal); otherwise the unavailability codes are.
 */
export function isTransientError(error: unknown): boolean {
  if (!isAppError(error)) return false
  const own = (error as { isTransient?: unknown }).isTransient
  if (typeof own === "boolean") return own
  return ["BBB_UNAVAILABLE", "QUEUE_UNAVAILABLE", "DATABASE_UNAVAILABLE"].includes(error.code)
}
