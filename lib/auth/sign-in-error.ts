// What a sign-in error means for the user, shared by the sign-in page and its form. Deliberately
// without zod: building a zod object schema in the browser probes for eval (zod's JIT), which the
// CSP refuses and reports as a violation.

/**
 * next-auth passes the message of an error thrown by `authorize` to the sign-in page as `error`;
 * a throttled attempt says how long to wait this way.
 */
const THROTTLED_PREFIX = "SIGN_IN_THROTTLED:"

export function throttledSignInError(retryAfterSeconds: number): string {
  return `${THROTTLED_PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds))}`
}

export type SignInError =
  | { kind: "invalidCredentials" }
  | { kind: "throttled"; retryAfterSeconds: number }
  | { kind: "oidcFailed" }
  | { kind: "unavailable" }

/** What a sign-in error code (next-auth's `error`) means for the user; null when there is none. */
export function parseSignInError(error: string | null | undefined, status?: number): SignInError | null {
  if (!error) return null
  const seconds = error.startsWith(THROTTLED_PREFIX) ? error.slice(THROTTLED_PREFIX.length) : ""
  if (/^[1-9]\d{0,6}$/.test(seconds)) return { kind: "throttled", retryAfterSeconds: Number(seconds) }
  if (error === "CredentialsSignin") return { kind: "invalidCredentials" }
  // Without a status the error came back in the URL, from a provider's redirect.
  return status === undefined ? { kind: "oidcFailed" } : { kind: "unavailable" }
}
