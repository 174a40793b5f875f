// A password sign-in under throttling (issue 14). Every attempt first takes one point from its
// account's (the account the login resolves to, whether typed as username or e-mail; the typed login
// itself when it names no account, so unknown names are counted alike) and its address's allowances (taken before the password is checked, so parallel guesses
// cannot slip through together); an exhausted allowance blocks for LOGIN_BLOCK_SECONDS without
// looking at the password. Attempts after failures wait a growing delay. A success gives the
// account its allowance back and the address its point. Unknown usernames go through the same
// steps and a bcrypt comparison against a dummy hash: they answer like a wrong password.
import { setTimeout as sleep } from "node:timers/promises"

import { AppError } from "@/lib/errors"
import { logger } from "@/lib/logger"
import { findLoginAccountId } from "@/lib/users/find-login-account-id"
import { credentialsSchema } from "@/lib/users/schemas"
import { checkCredentials, type AuthenticatedUser } from "@/lib/users/verify-credentials"

import { ipThrottlingKey } from "./client-ip"
import { recordSignInAttempt } from "./record-sign-in-attempt"
import { getSignInThrottle, isRateLimiterRes, signInDelayMs } from "./sign-in-throttle"

export type SignInResult = { ok: true; user: AuthenticatedUser } | { ok: false; delayMs: number }

/**
 * The throttling key of a login: the account it resolves to (`user:<id>`, the same for its username
 * and its e-mail), else the typed login (`login:<login>`; case and surrounding spaces do not make a
 * new one). Both kinds are counted and blocked alike, so the answers tell nothing about which exists.
 */
async function accountKey(username: string): Promise<string> {
  const id = await findLoginAccountId(username.trim())
  return id === null ? `login:${username.trim().toLowerCase()}` : `user:${id}`
}

/**
 * Checks a username and password from `ip`. Returns the user, or `{ ok: false }` for wrong
 * credentials (with the delay that was applied). Throws SIGN_IN_THROTTLED (details.retryAfterSeconds)
 * when the account or the address is blocked.
 */
export async function signInWithPassword(input: unknown, context: { ip: string }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input)
  if (!parsed.success) return { ok: false, delayMs: 0 }
  const { username } = parsed.data
  const account = await accountKey(username)
  const { ip } = context
  const address = ipThrottlingKey(ip)
  const throttle = await getSignInThrottle()

  const [accountRes, ipRes] = await Promise.allSettled([throttle.account.consume(account), throttle.ip.consume(address)])
  const refused = [accountRes, ipRes].flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []))
  if (refused.length > 0) {
    const unexpected = refused.find((reason) => !isRateLimiterRes(reason))
    if (unexpected) throw new AppError("INTERNAL", { message: "sign-in limiter failed", cause: unexpected })
    const retryAfterMs = Math.max(...refused.map((r) => (isRateLimiterRes(r) ? r.msBeforeNext : 0)))
    await recordSignInAttempt({ at: new Date(), username, ip, outcome: "BLOCKED" })
    throw new AppError("SIGN_IN_THROTTLED", {
      message: `sign-in blocked for ${account} from ${ip}`,
      details: { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
    })
  }

  const consumed = (r: typeof accountRes) => (r.status === "fulfilled" ? r.value.consumedPoints : 0)
  // Points taken before this attempt are the failures counted so far (successes give theirs back).
  const delayMs = signInDelayMs({ accountFailures: consumed(accountRes) - 1, ipFailures: consumed(ipRes) - 1 }, throttle.settings)
  if (delayMs > 0) await sleep(delayMs)

  const checked = await checkCredentials(parsed.data)
  if (!checked.user) {
    // The admins' list says « compte désactivé »; the answer stays the neutral refusal.
    await recordSignInAttempt({ at: new Date(), username, ip, outcome: checked.inactive ? "INACTIVE" : "FAILED" })
    return { ok: false, delayMs }
  }
  const { user } = checked
  await Promise.all([throttle.account.delete(account), throttle.ip.reward(address)]).catch((error: unknown) =>
    logger.warn({ err: error, username, ip }, "sign-in counters not reset"),
  )
  return { ok: true, user }
}
