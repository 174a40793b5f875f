// The HTTP status of each error code, shared by the route handlers (adapters.ts) and the routes
// server.ts serves outside Next.js.
import type { AppErrorCode } from "@/lib/errors"

const STATUS_OF: Partial<Record<AppErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIVE_ALREADY_ACTIVE: 409,
  LIVE_STILL_ACTIVE: 409,
  LIVE_NOT_ACTIVE: 409,
  ALREADY_CLAIMED: 409,
  BUILDING_NOT_EMPTY: 409,
  BROADCASTER_IN_USE: 409,
  INVALID_INPUT: 400,
  SIGN_IN_THROTTLED: 429,
  CHAT_RATE_LIMITED: 429,
  CHAT_SLOW_MODE: 429,
  CHAT_CLOSED: 403,
  CHAT_MUTED: 403,
  CHAT_DISABLED: 403,
  LIVE_NOT_RUNNING: 409,
  BBB_UNAVAILABLE: 503,
  QUEUE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  STREAM_UNAVAILABLE: 503,
  INTERNAL: 500,
}

/** The HTTP status of an error code: the one place routes map codes (unlisted ones are 422). */
export function httpStatus(code: AppErrorCode): number {
  return STATUS_OF[code] ?? 422
}
