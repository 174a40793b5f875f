// Doctor: Redis answers at REDIS_URL, and its namespace (REDIS_PREFIX) belongs to this installation:
// the installation marker (lib/health/installation-marker.ts) names this database, or is written now.
import type { Env } from "@/lib/config/env"
import { checkRedis as pingRedis } from "@/lib/health/check-services"
import { claimInstallationNamespace, installationMarkerKey } from "@/lib/health/installation-marker"
import type { RedisSettings } from "@/lib/redis"

import { fail, pass, reasonOf, type DoctorCheck } from "./doctor-check"

const CHECK = "Redis and its namespace"

export async function checkRedis(env: Pick<Env, "REDIS_PREFIX" | "DATABASE_URL"> & RedisSettings): Promise<DoctorCheck> {
  const ping = await pingRedis(env)
  if (!ping.ok) return fail(CHECK, ping.message, "start Redis or correct REDIS_URL (and REDIS_SENTINELS, REDIS_SENTINEL_NAME with Sentinel); every host of the installation must reach it")
  try {
    const claim = await claimInstallationNamespace(env)
    if (claim.status === "other") {
      return fail(
        CHECK,
        `namespace "${env.REDIS_PREFIX}" belongs to another installation (its database: ${claim.holder}; this one: ${claim.identity})`,
        `give this installation a REDIS_PREFIX of its own on every host; if this installation moved to a new database, delete the key ${claim.key} and run the doctor again`,
      )
    }
    return pass(CHECK, `answers; namespace "${env.REDIS_PREFIX}" ${claim.status === "claimed" ? "marked" : "is"} this installation's (database ${claim.identity})`)
  } catch (error) {
    return fail(
      CHECK,
      `Redis answers, but the marker ${installationMarkerKey(env)} cannot be checked: ${reasonOf(error)}`,
      "make PostgreSQL reachable (check above) and allow the Redis user of REDIS_URL GET and SET on the namespace's keys",
    )
  }
}
