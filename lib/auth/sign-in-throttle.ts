// Counters of failed sign-ins, per account and per client address, kept in Redis so that they hold
// across app instances. When Redis is unreachable or slow, an in-process limiter with the same rules
// takes over (rate-limiter-flexible's insurance): sign-in never runs without a limit, and never
// locks everyone out because a counter store is down.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, RLWrapperTimeouts, type RateLimiterAbstract } from "rate-limiter-flexible"

import { getEnv, type Env } from "@/lib/config/env"
import { getProducerRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

/** Longest wait for Redis before the in-process limiter answers instead. */
const REDIS_TIMEOUT_MS = 500

/**
 * While the first connection is being made, wait for it (briefly): otherwise the first attempts
 * after a start would be counted in memory and the next ones in Redis, each from zero.
 */
async function settleFirstConnection(): Promise<void> {
  const redis = getProducerRedis()
  if (redis.status !== "connecting" && redis.status !== "wait") return
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      redis.off("ready", done)
      redis.off("error", done)
      resolve()
    }
    const timer = setTimeout(done, REDIS_TIMEOUT_MS)
    redis.once("ready", done)
    redis.once("error", done)
  })
}

export type SignInThrottle = {
  account: RateLimiterAbstract
  ip: RateLimiterAbstract
  settings: Pick<
    Env,
    "LOGIN_ACCOUNT_MAX_FAILURES" | "LOGIN_IP_MAX_FAILURES" | "LOGIN_FAILURE_WINDOW_SECONDS" | "LOGIN_BLOCK_SECONDS" | "LOGIN_DELAY_BASE_MS" | "LOGIN_DELAY_MAX_MS"
  >
}

function limiter(keyPrefix: string, points: number, env: Env): RateLimiterAbstract {
  const rules = { points, duration: env.LOGIN_FAILURE_WINDOW_SECONDS, blockDuration: env.LOGIN_BLOCK_SECONDS }
  const insuranceLimiter = new RateLimiterMemory({ ...rules, keyPrefix })
  const redis = new RateLimiterRedis({
    ...rules,
    keyPrefix,
    storeClient: getProducerRedis(),
    rejectIfRedisNotReady: true,
    insuranceLimiter,
  })
  // blockDuration again: the wrapper copies its own onto the insurance limiter.
  return new RLWrapperTimeouts({ limiter: redis, timeoutMs: REDIS_TIMEOUT_MS, insuranceLimiter, blockDuration: rules.blockDuration })
}

let cached: { env: Env; throttle: SignInThrottle } | undefined

/** The limiters for the current settings (rebuilt when tests change the settings). */
export async function getSignInThrottle(): Promise<SignInThrottle> {
  await settleFirstConnection()
  const env = getEnv()
  if (cached?.env !== env) {
    cached = {
      env,
      throttle: {
        account: limiter(redisKey("sign-in", "account"), env.LOGIN_ACCOUNT_MAX_FAILURES, env),
        ip: limiter(redisKey("sign-in", "ip"), env.LOGIN_IP_MAX_FAILURES, env),
        settings: env,
      },
    }
  }
  return cached.throttle
}

export function isRateLimiterRes(value: unknown): value is RateLimiterRes {
  return value instanceof RateLimiterRes
}

/**
 * Delay before answering an attempt, growing with the failures already counted: none for a first
 * attempt, then base, 2×base, 4×base… up to the maximum. An address's failures weigh in proportion
 * to its larger allowance, so one address trying many accounts slows down too.
 */
export function signInDelayMs(input: { accountFailures: number; ipFailures: number }, settings: SignInThrottle["settings"]): number {
  const ipScaled = (input.ipFailures * settings.LOGIN_ACCOUNT_MAX_FAILURES) / settings.LOGIN_IP_MAX_FAILURES
  const failures = Math.floor(Math.max(input.accountFailures, ipScaled))
  if (failures <= 0 || settings.LOGIN_DELAY_BASE_MS === 0) return 0
  return Math.min(settings.LOGIN_DELAY_MAX_MS, settings.LOGIN_DELAY_BASE_MS * 2 ** Math.min(failures - 1, 20))
}
