// Doctor: Redis answers at REDIS_URL, and its namespace (REDIS_PREFIX) belongs to this installation:
// the installation marker (lib/health/installation-marker.ts) names this database, or is written now.
import { Redis } from "ioredis"

import type { Env } from "@/lib/config/env"
import { checkRedis as pingRedis } from "@/lib/health/check-services"
import { claimRedisNamespace, databaseIdentity } from "@/lib/health/installation-marker"
import { namespacedKey } from "@/lib/redis-keys"

import { fail, pass, reasonOf, type DoctorCheck } from "./doctor-check"

const CHECK = "Redis and its namespace"

export function installationMarkerKey(env: Pick<Env, "REDIS_PREFIX">): string {
  return namespacedKey(env.REDIS_PREFIX, "installation")
}

export async function checkRedis(env: Pick<Env, "REDIS_URL" | "REDIS_PREFIX" | "DATABASE_URL">): Promise<DoctorCheck> {
  const ping = await pingRedis(env.REDIS_URL)
  if (!ping.ok) return fail(CHECK, ping.message, "start Redis or correct REDIS_URL; every host of the installation must reach it")
  let identity: string
  try {
    identity = await databaseIdentity(env.DATABASE_URL)
  } catch (error) {
    return fail(CHECK, `Redis answers; its namespace cannot be checked without the database (${reasonOf(error)})`, "make PostgreSQL reachable first (check above)")
  }
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  redis.on("error", () => undefined)
  const key = installationMarkerKey(env)
  try {
    await redis.connect()
    const claim = await claimRedisNamespace(redis, key, identity)
    if (claim.status === "other") {
      return fail(
        CHECK,
        `namespace "${env.REDIS_PREFIX}" belongs to another installation (its database: ${claim.holder}; this one: ${identity})`,
        `give this installation a REDIS_PREFIX of its own on every host; if this installation moved to a new database, delete the key ${key} and run the doctor again`,
      )
    }
    return pass(CHECK, `answers; namespace "${env.REDIS_PREFIX}" ${claim.status === "claimed" ? "marked" : "is"} this installation's (database ${identity})`)
  } catch (error) {
    return fail(CHECK, `Redis answers, but the marker ${key} cannot be read or written: ${reasonOf(error)}`, "the Redis user of REDIS_URL must be allowed GET and SET on the namespace's keys")
  } finally {
    redis.disconnect()
  }
}
