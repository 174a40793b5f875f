// Failed and blocked sign-ins: logged (pino) with username and address, and kept in a short Redis
// list for the administration page. Redis down: the log line remains, the list misses the entry.
import { logger } from "@/lib/logger"
import { getProducerRedis, withRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

import type { SignInAttempt } from "./schemas"

export const signInAttemptsKey = () => redisKey("sign-in", "attempts")
/** How many recent attempts the list keeps. */
export const SIGN_IN_ATTEMPTS_KEPT = 500

export async function recordSignInAttempt(attempt: SignInAttempt): Promise<void> {
  const message =
    attempt.outcome === "BLOCKED" ? "sign-in refused: too many failures" : attempt.outcome === "INACTIVE" ? "sign-in refused: account deactivated" : "sign-in refused: wrong credentials"
  logger.warn({ username: attempt.username, ip: attempt.ip, outcome: attempt.outcome }, message)
  const redis = getProducerRedis()
  // Redis reconnecting: do not make the answer wait for it.
  if (redis.status !== "ready" && redis.status !== "connecting" && redis.status !== "wait") return
  try {
    await withRedis(
      redis,
      () => redis.multi().lpush(signInAttemptsKey(), JSON.stringify(attempt)).ltrim(signInAttemptsKey(), 0, SIGN_IN_ATTEMPTS_KEPT - 1).exec(),
      500,
    )
  } catch (error) {
    logger.warn({ err: error }, "sign-in attempt not kept for the admin page (Redis unavailable)")
  }
}
