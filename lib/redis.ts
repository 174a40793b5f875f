// Redis connections. BullMQ workers need `maxRetriesPerRequest: null` (they block); request-path
// producers fail fast (`enableOfflineQueue: false`) so a Redis outage surfaces as QUEUE_UNAVAILABLE.
import { Redis, type RedisOptions } from "ioredis"

import { getEnv } from "@/lib/config/env"

export function createRedis(kind: "worker" | "producer", extra: RedisOptions = {}): Redis {
  const options: RedisOptions =
    kind === "worker"
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: false }
  return new Redis(getEnv().REDIS_URL, { ...options, ...extra })
}

const globalForRedis = globalThis as unknown as { producerRedis?: Redis }

/** Shared fail-fast connection for request paths (enqueueing jobs, publishing chat). */
export function getProducerRedis(): Redis {
  globalForRedis.producerRedis ??= createRedis("producer")
  return globalForRedis.producerRedis
}
