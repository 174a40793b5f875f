// Recent failed and blocked sign-ins, newest first, for administrators.
import { AppError } from "@/lib/errors"
import { getProducerRedis, withRedis } from "@/lib/redis"

import { signInAttemptsKey, SIGN_IN_ATTEMPTS_KEPT } from "./record-sign-in-attempt"
import { signInAttemptSchema, type SignInAttempt } from "./schemas"
import type { CurrentUser } from "./find-session-user"

/** Throws FORBIDDEN for non-admins and QUEUE_UNAVAILABLE when Redis does not answer. */
export async function listSignInAttempts(actor: Pick<CurrentUser, "role">, limit = 200): Promise<SignInAttempt[]> {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN")
  const redis = getProducerRedis()
  const raw = await withRedis(redis, () => redis.lrange(signInAttemptsKey(), 0, Math.min(limit, SIGN_IN_ATTEMPTS_KEPT) - 1))
  return raw.flatMap((line) => {
    try {
      const parsed = signInAttemptSchema.safeParse(JSON.parse(line))
      return parsed.success ? [parsed.data] : []
    } catch {
      return []
    }
  })
}
