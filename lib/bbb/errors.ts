// Typed failures of a BigBlueButton / Scalelite call. Every one is an AppError with code BBB_UNAVAILABLE,
// so adapters map it without knowing BBB; `kind` and `messageKey` tell callers (and logs) what went wrong.
// A failure is never turned into an empty result: callers either get data or one of these.
import { AppError } from "@/lib/errors"

export const BBB_ERROR_KINDS = [
  /** The server could not be reached (refused, DNS, reset, TLS). */
  "NETWORK",
  /** No complete answer within `timeoutMs`. */
  "TIMEOUT",
  /** An HTTP status other than 2xx (proxy error page, 500, 404 of a wrong URL...). */
  "HTTP_STATUS",
  /** The body is not a BBB XML answer at all (empty, HTML, JSON, another root element). */
  "NOT_XML",
  /** XML that is truncated or whose tags do not balance: never read as "fewer items". */
  "MALFORMED_XML",
  /** returncode FAILED; `messageKey` says why (checksumError, notFound, ...). */
  "FAILED",
  /** Well-formed SUCCESS answer whose content does not have the expected shape. */
  "SCHEMA_MISMATCH",
] as const

export type BbbErrorKind = (typeof BBB_ERROR_KINDS)[number]

export type BbbErrorOptions = {
  kind: BbbErrorKind
  /** API call name (getMeetings, end...), without query string or checksum. */
  callName: string
  message: string
  /** BBB's messageKey of a FAILED answer (the only stable part: wordings differ between versions). */
  messageKey?: string | null
  httpStatus?: number
  /** Extra, non-secret detail for logs: endpoint without query, schema issues, a short body excerpt. */
  details?: Record<string, unknown>
  cause?: unknown
}

export class BbbError extends AppError {
  readonly kind: BbbErrorKind
  readonly callName: string
  readonly messageKey: string | null
  readonly httpStatus: number | null

  constructor(options: BbbErrorOptions) {
    super("BBB_UNAVAILABLE", {
      message: `BBB ${options.callName}: ${options.message}`,
      details: {
        kind: options.kind,
        callName: options.callName,
        ...(options.messageKey ? { messageKey: options.messageKey } : {}),
        ...(options.httpStatus ? { httpStatus: options.httpStatus } : {}),
        ...options.details,
      },
      cause: options.cause,
    })
    this.name = "BbbError"
    this.kind = options.kind
    this.callName = options.callName
    this.messageKey = options.messageKey ?? null
    this.httpStatus = options.httpStatus ?? null
  }

  /**
   * Whether trying again later may succeed: network trouble, timeouts, 5xx/429, cut or non-XML bodies (proxy
   * pages) and most FAILED answers. Not so for a wrong secret (checksumError), an unknown meeting or a bad
   * parameter, a 4xx (wrong URL), or an answer whose shape we do not understand: those need a person.
   */
  get isTransient(): boolean {
    switch (this.kind) {
      case "NETWORK":
      case "TIMEOUT":
      case "NOT_XML":
      case "MALFORMED_XML":
        return true
      case "HTTP_STATUS":
        return this.httpStatus === null || this.httpStatus >= 500 || this.httpStatus === 429
      case "FAILED":
        return !isPermanentMessageKey(this.messageKey)
      case "SCHEMA_MISMATCH":
        return false
    }
  }
}

const PERMANENT_MESSAGE_KEYS = new Set(["checksumError", "notFound", "invalidMeetingIdentifier", "invalidPassword", "paramError", "unsupportedRequest"])

function isPermanentMessageKey(messageKey: string | null): boolean {
  return messageKey !== null && (PERMANENT_MESSAGE_KEYS.has(messageKey) || messageKey.startsWith("missingParam") || messageKey.startsWith("invalidParam"))
}

/** Hides checksums in body excerpts kept for logs: an error page may echo the signed request URL. */
export function redactChecksums(text: string): string {
  return text.replace(/checksum=[0-9a-fA-F]*/g, "checksum=[redacted]")
}

export function isBbbError(error: unknown): error is BbbError {
  return error instanceof BbbError
}

/** True for a FAILED answer with this messageKey (e.g. `isBbbFailure(error, "notFound")`). */
export function isBbbFailure(error: unknown, messageKey: string): error is BbbError {
  return isBbbError(error) && error.kind === "FAILED" && error.messageKey === messageKey
}
