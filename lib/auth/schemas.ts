// Shapes shared by the sign-in server code and the sign-in form (client-safe: zod only).
import { z } from "zod"

export const signInAttemptSchema = z.object({
  at: z.coerce.date(),
  username: z.string(),
  ip: z.string(),
  outcome: z.enum(["FAILED", "BLOCKED"]),
})
export type SignInAttempt = z.infer<typeof signInAttemptSchema>

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
  const throttled = z.coerce.number().int().positive().safeParse(error.startsWith(THROTTLED_PREFIX) ? error.slice(THROTTLED_PREFIX.length) : undefined)
  if (throttled.success) return { kind: "throttled", retryAfterSeconds: throttled.data }
  if (error === "CredentialsSignin") return { kind: "invalidCredentials" }
  // Without a status the error came back in the URL, from a provider's redirect.
  return status === undefined ? { kind: "oidcFailed" } : { kind: "unavailable" }
}
