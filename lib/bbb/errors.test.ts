import { describe, expect, it } from "vitest"

import { AppError, isTransientError } from "@/lib/errors"

import { BbbError, type BbbErrorKind, isBbbFailure, redactChecksums } from "./errors"

const error = (kind: BbbErrorKind, extra: { messageKey?: string; httpStatus?: number } = {}) =>
  new BbbError({ kind, callName: "getMeetings", message: "x", ...extra })

describe("BbbError", () => {
  it("is an AppError with code BBB_UNAVAILABLE, its kind and call in the details", () => {
    const failed = error("FAILED", { messageKey: "checksumError" })
    expect(failed).toBeInstanceOf(AppError)
    expect(failed.code).toBe("BBB_UNAVAILABLE")
    expect(failed.details).toMatchObject({ kind: "FAILED", callName: "getMeetings", messageKey: "checksumError" })
    expect(failed.message).toBe("BBB getMeetings: x")
    expect(failed.isTransient).toBe(false) // a wrong secret does not heal by retrying...
    expect(isTransientError(failed)).toBe(false) // ...and lib/errors asks the error itself
    expect(isTransientError(error("NETWORK"))).toBe(true)
    expect(isBbbFailure(failed, "checksumError")).toBe(true)
    expect(isBbbFailure(failed, "notFound")).toBe(false)
  })

  it.each([
    [error("NETWORK"), true],
    [error("TIMEOUT"), true],
    [error("NOT_XML"), true],
    [error("MALFORMED_XML"), true],
    [error("HTTP_STATUS", { httpStatus: 502 }), true],
    [error("HTTP_STATUS", { httpStatus: 429 }), true],
    [error("HTTP_STATUS", { httpStatus: 404 }), false],
    [error("FAILED", { messageKey: "internalError" }), true],
    [error("FAILED"), true],
    [error("FAILED", { messageKey: "checksumError" }), false],
    [error("FAILED", { messageKey: "notFound" }), false],
    [error("FAILED", { messageKey: "missingParamMeetingID" }), false],
    [error("SCHEMA_MISMATCH"), false],
  ])("%s → transient %s", (bbbError, transient) => {
    expect(bbbError.isTransient).toBe(transient)
  })

  it("redacts checksums in excerpts", () => {
    expect(redactChecksums("GET /api/getMeetings?x=1&checksum=0123abcdef&y=2")).toBe("GET /api/getMeetings?x=1&checksum=[redacted]&y=2")
  })
})
