// Checks that PostgreSQL and Redis answer, with messages that say which one does not and where.
import pg from "pg"

import { AppError } from "@/lib/errors"
import { connectRedis, describeRedisTarget, type RedisSettings } from "@/lib/redis"

export type ServiceStatus = { ok: true } | { ok: false; message: string }

function hostOf(url: string): string {
  const u = new URL(url)
  return `${u.hostname}:${u.port || (u.protocol.startsWith("redis") ? "6379" : "5432")}`
}

export async function checkDatabase(url: string, timeoutMs = 3_000): Promise<ServiceStatus> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  try {
    await client.connect()
    await client.query("SELECT 1")
    return { ok: true }
  } catch (error) {
    return { ok: false, message: `PostgreSQL does not answer at ${hostOf(url)} (${(error as Error).message || (error as { code?: string }).code})` }
  } finally {
    await client.end().catch(() => undefined)
  }
}

type RedisTarget = { REDIS_URL: string } & Partial<RedisSettings>

/** REDIS_URL alone (a string), or the settings, Sentinel included (lib/redis.ts connectRedis). */
export async function checkRedis(target: string | RedisTarget, timeoutMs = 3_000): Promise<ServiceStatus> {
  const { REDIS_URL, REDIS_SENTINELS = [], REDIS_SENTINEL_NAME = "mymaster", REDIS_SENTINEL_PASSWORD } = typeof target === "string" ? { REDIS_URL: target } : target
  const settings: RedisSettings = { REDIS_URL, REDIS_SENTINELS, REDIS_SENTINEL_NAME, REDIS_SENTINEL_PASSWORD }
  const redis = connectRedis(settings, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, sentinelRetryStrategy: () => null })
  redis.on("error", () => undefined) // reported through the promise below
  try {
    await redis.connect()
    await redis.ping()
    return { ok: true }
  } catch (error) {
    return { ok: false, message: `Redis does not answer at ${describeRedisTarget(settings)} (${(error as Error).message})` }
  } finally {
    redis.disconnect()
  }
}

/** Throws an AppError naming the first service that does not answer. */
export async function assertServices(env: { DATABASE_URL: string } & RedisTarget): Promise<void> {
  const [database, redis] = await Promise.all([checkDatabase(env.DATABASE_URL), checkRedis(env)])
  if (!database.ok) throw new AppError("DATABASE_UNAVAILABLE", { message: database.message })
  if (!redis.ok) throw new AppError("QUEUE_UNAVAILABLE", { message: redis.message })
}
