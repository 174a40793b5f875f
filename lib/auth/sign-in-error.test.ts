import { describe, expect, it } from "vitest"

import { parseSignInError, throttledSignInError } from "./sign-in-error"

describe("sign-in errors", () => {
  it("carry the waiting time of a throttled attempt to the sign-in page", () => {
    expect(parseSignInError(throttledSignInError(61.2), 401)).toEqual({ kind: "throttled", retryAfterSeconds: 62 })
    expect(parseSignInError(throttledSignInError(0))).toEqual({ kind: "throttled", retryAfterSeconds: 1 })
  })

  it("tell wrong credentials, provider failures and other failures apart, and ignore forged values", () => {
    expect(parseSignInError("CredentialsSignin", 401)).toEqual({ kind: "invalidCredentials" })
    expect(parseSignInError("OAuthCallback")).toEqual({ kind: "oidcFailed" })
    expect(parseSignInError("sign-in limiter failed", 401)).toEqual({ kind: "unavailable" })
    expect(parseSignInError("SIGN_IN_THROTTLED:abc", 401)).toEqual({ kind: "unavailable" })
    expect(parseSignInError("SIGN_IN_THROTTLED:-5")).toEqual({ kind: "oidcFailed" })
    expect(parseSignInError(undefined)).toBeNull()
  })
})
