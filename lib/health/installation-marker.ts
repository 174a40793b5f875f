// The installation marker: the key `<namespace>:installation` in Redis holds the identity of the
// PostgreSQL database the installation owning that namespace uses: `<system identifier>/<database>`
// (pg_control_system(): one per PostgreSQL cluster, shared by its replicas, so every host of one
// installation computes the same value whatever address it reaches the database by). Two
// installations whose settings give them the same REDIS_PREFIX on one Redis would share queues,
// events and counters; the marker makes that visible: the worker writes it when it starts (and logs
// an error when it names another database), `npm run doctor` writes it when absent and fails when it
// names another database. No secret in it: no host, user or password.
import pg from "pg"
import { Redis } from "ioredis"

import type { Env } from "@/lib/config/env"
import { connectRedis, type RedisSettings } from "@/lib/redis"
import { namespacedKey } from "@/lib/redis-keys"

/** `<namespace>:installation`. */
export function installationMarkerKey(env: Pick<Env, "REDIS_PREFIX">): string {
  return namespacedKey(env.REDIS_PREFIX, "installation")
}

/** `<system identifier>/<database name>` of the database behind the URL (falls back to host/port when the function is refused). */
export async function databaseIdentity(databaseUrl: string, timeoutMs = 3_000): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs })
  await client.connect()
  try {
    const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db")
    const database = rows[0]!.db
    try {
      const system = await client.query<{ id: string }>("SELECT system_identifier::text AS id FROM pg_control_system()")
      return `${system.rows[0]!.id}/${database}`
    } catch {
      const url = new URL(databaseUrl)
      return `${url.hostname}:${url.port || "5432"}/${database}`
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}

export type NamespaceClaim = { status: "claimed" | "ours" } | { status: "other"; holder: string }

/** Writes the marker when the namespace has none; says whether it names this database. */
export async function claimRedisNamespace(redis: Redis, markerKey: string, identity: string): Promise<NamespaceClaim> {
  const set = await redis.set(markerKey, identity, "NX")
  if (set === "OK") return { status: "claimed" }
  const holder = await redis.get(markerKey)
  if (holder === null) return claimRedisNamespace(redis, markerKey, identity)
  return holder === identity ? { status: "ours" } : { status: "other", holder }
}

export type InstallationClaim = NamespaceClaim & { key: string; identity: string }

/** Reads this installation's database identity and claims its Redis namespace (a connection of its own, closed after). */
export async function claimInstallationNamespace(env: Pick<Env, "REDIS_PREFIX" | "DATABASE_URL"> & RedisSettings): Promise<InstallationClaim> {
  const identity = await databaseIdentity(env.DATABASE_URL)
  const key = installationMarkerKey(env)
  const redis = connectRedis(env, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0, retryStrategy: () => null, sentinelRetryStrategy: () => null })
  redis.on("error", () => undefined) // reported through the promise
  try {
    await redis.connect()
    return { ...(await claimRedisNamespace(redis, key, identity)), key, identity }
  } finally {
    redis.disconnect()
  }
}
