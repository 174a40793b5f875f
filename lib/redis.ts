// Redis connections. BullMQ workers need `maxRetriesPerRequest: null` (they block); request-path
// producers fail fast (`enableOfflineQueue: false`) so a Redis outage surfaces as QUEUE_UNAVAILABLE.
import { Redis, type RedisOptions } from "ioredis"

import { getEnv, type Env } from "@/lib/config/env"
import { AppError } from "@/lib/errors"

export type RedisSettings = Pick<Env, "REDIS_URL" | "REDIS_SENTINELS" | "REDIS_SENTINEL_NAME" | "REDIS_SENTINEL_PASSWORD">

/** host:port, [v6]:port or host (the sentinels' port 26379). */
function sentinelAddress(entry: string): { host: string; port: number } {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry)
  return { host: (match?.[1] ?? entry).replace(/^\[|\]$/g, ""), port: Number(match?.[2] ?? 26379) }
}

/**
 * A Redis connection of this installation: to REDIS_URL, or, with REDIS_SENTINELS, to the primary the
 * sentinels name (ioredis asks them again after every disconnection, so a failover is followed, and
 * subscriptions are renewed on the new primary). Every connection of the app goes through here.
 */
export function connectRedis(settings: RedisSettings, options: RedisOptions = {}): Redis {
  if (settings.REDIS_SENTINELS.length === 0) return new Redis(settings.REDIS_URL, options)
  const url = new URL(settings.REDIS_URL)
  const db = Number(url.pathname.replace(/^\//, "") || 0)
  return new Redis({
    sentinels: settings.REDIS_SENTINELS.map(sentinelAddress),
    name: settings.REDIS_SENTINEL_NAME,
    // Listen to the sentinels' +switch-master and reconnect at once: without it a connection stays on the
    // old primary until the sentinels demote it (up to ~10 s), and what it writes meanwhile is lost.
    failoverDetector: true,
    sentinelPassword: settings.REDIS_SENTINEL_PASSWORD,
    username: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    db: Number.isInteger(db) ? db : 0,
    ...(url.protocol === "rediss:" ? { tls: {}, enableTLSForSentinelMode: true } : {}),
    ...options,
  })
}

/** Where connectRedis goes, for messages: REDIS_URL's host, or the sentinels and the primary's name. */
export function describeRedisTarget(settings: RedisSettings): string {
  if (settings.REDIS_SENTINELS.length === 0) {
    const url = new URL(settings.REDIS_URL)
    return `${url.hostname}:${url.port || "6379"}`
  }
  return `the primary "${settings.REDIS_SENTINEL_NAME}" of Sentinel ${settings.REDIS_SENTINELS.join(", ")}`
}

export function createRedis(kind: "worker" | "producer", extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    kind === "worker"
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: false }
  const redis = connectRedis(getEnv(), { ...options, ...extra })
  // Without a listener ioredis prints every failed reconnection with its stack. Outages are reported
  // once by the workers' producer connection (workers/run-worker.ts) and as QUEUE_UNAVAILABLE to callers.
  redis.on("error", () => undefined)
  return redis
}

/**
 * A connection for SUBSCRIBE / PSUBSCRIBE only (the change feed, the live pages' feed): ready as soon
 * as it is connected, without ioredis's ready check. That check is an INFO sent once the socket is
 * up; a SUBSCRIBE written meanwhile (a page opening while the connection starts or reconnects after
 * a Redis restart) puts the connection in subscriber mode, ioredis then refuses its own INFO
 * ("Connection in subscriber mode"), drops the connection and, as it never was ready, does not
 * subscribe again: that channel would stay silent without a word (redis/ioredis#2037). Without the
 * check a subscription is queued until the connection is up, and renewed on every reconnection.
 */
export function createSubscriberRedis(): Redis {
  return createRedis("worker", { enableReadyCheck: false })
}

const globalForRedis = globalThis as unknown as { producerRedis?: Redis }

/** Shared fail-fast connection for request paths (enqueueing jobs, publishing chat). */
export function getProducerRedis(): Redis {
  if (!globalForRedis.producerRedis) {
    const redis = createRedis("producer")
    // ioredis keeps reconnecting by itself; callers learn of an outage through withRedis().
    redis.on("error", () => undefined)
    globalForRedis.producerRedis = redis
  }
  return globalForRedis.producerRedis
}

/**
 * Runs a Redis operation from a request path within `timeoutMs`, or fails with QUEUE_UNAVAILABLE.
 * BullMQ waits for its connection to be ready without limit; a teacher's click must not.
 */
export async function withRedis<T>(redis: Redis, operation: () => Promise<T>, timeoutMs = 2_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  let onReady: (() => void) | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError("QUEUE_UNAVAILABLE", { message: `Redis did not answer within ${timeoutMs} ms` })), timeoutMs)
  })
  try {
    if (redis.status !== "ready") {
      await Promise.race([new Promise<void>((resolve) => redis.once("ready", (onReady = resolve))), timeout])
    }
    return await Promise.race([operation(), timeout])
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError("QUEUE_UNAVAILABLE", { message: (error as Error).message, cause: error })
  } finally {
    clearTimeout(timer)
    if (onReady) redis.off("ready", onReady)
  }
}
