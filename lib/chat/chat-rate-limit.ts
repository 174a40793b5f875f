// A per-user allowance of chat messages, counted in Redis so that it holds across app instances
// (rate-limiter-flexible, as the sign-in throttle). When Redis is slow or down, an in-process limiter
// with the same rule answers instead: the chat never runs without a limit.
import type { Redis } from "ioredis"
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts, type RateLimiterAbstract } from "rate-limiter-flexible"

import { getEnv, type Env } from "@/lib/config/env"
import { AppError } from "@/lib/errors"
import { getProducerRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

const REDIS_TIMEOUT_MS = 500

/** A limiter on `redis` for the given settings (each app instance builds its own on its connection). */
export function createChatRateLimiter(env: Pick<Env, "CHAT_RATE_LIMIT_MESSAGES" | "CHAT_RATE_LIMIT_WINDOW_SECONDS">, redis: Redis): RateLimiterAbstract {
  const rules = { points: env.CHAT_RATE_LIMIT_MESSAGES, duration: env.CHAT_RATE_LIMIT_WINDOW_SECONDS, keyPrefix: redisKey("chat", "user") }
  const insuranceLimiter = new RateLimiterMemory(rules)
  const limiter = new RateLimiterRedis({ ...rules, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter })
  return new RLWrapperTimeouts({ limiter, timeoutMs: REDIS_TIMEOUT_MS, insuranceLimiter })
}

let cached: { env: Env; limiter: RateLimiterAbstract } | undefined

/**
 * Takes one message from the user's allowance, or throws CHAT_RATE_LIMITED (details: seconds to wait).
 * `limiter` defaults to this process's, on the shared producer connection.
 */
export async function consumeChatAllowance(userId: number, limiter?: RateLimiterAbstract): Promise<void> {
  if (!limiter) {
    const env = getEnv()
    if (cached?.env !== env) cached = { env, limiter: createChatRateLimiter(env, getProducerRedis()) }
    limiter = cached.limiter
  }
  try {
    await limiter.consume(String(userId))
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("CHAT_RATE_LIMITED", { details: { userId, retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000) } })
    }
    throw error
  }
}
