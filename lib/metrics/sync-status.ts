// Where the meeting sync leaves its outcome for health checks of any process: the last successful
// sync and the last BBB call in Redis (the web app reads them), and the time of the last run in this
// process (the orchestrator's watchdog reads it, whatever Redis holds). Written by lib/meetings, read
// by lib/health and the metrics: it sits here, below both, so neither depends on the other's reader.
import type { Redis } from "ioredis"
import { z } from "zod"

import type { Env } from "@/lib/config/env"
import { redisKey } from "@/lib/redis-keys"

// Under the queue prefix: deployments (and test files) sharing one Redis keep their own status.
export const lastSyncKey = () => redisKey("meetings-sync", "last-success")
export const lastBbbCallKey = () => redisKey("bbb", "last-call")
export const webhooksRegistrationKey = () => redisKey("bbb-webhooks", "last-registration")

/** The sync counts as stalled when it did not run for this many intervals (watchdog and health alike). */
export const STALLED_AFTER_INTERVALS = 3

export const lastSyncSchema = z.object({ at: z.number(), ms: z.number(), meetings: z.number() })
export type LastSync = z.infer<typeof lastSyncSchema>
export const lastBbbCallSchema = z.object({ ok: z.boolean(), at: z.number(), error: z.string().optional() })
export type LastBbbCall = z.infer<typeof lastBbbCallSchema>

export const webhooksRegistrationSchema = z.object({ ok: z.boolean(), at: z.number(), servers: z.number() })
export type WebhooksRegistration = z.infer<typeof webhooksRegistrationSchema>

/**
 * How often the full getMeetings sync runs. "webhooks": bbb-webhooks are configured and the last
 * registration reached every server recently (within two registration periods), so callbacks carry
 * the changes and the full sync is a safety net every MEETINGS_FULL_SYNC_INTERVAL_MS. "poll": every
 * MEETINGS_SYNC_INTERVAL_MS, as without webhooks.
 */
export type SyncMode = { mode: "webhooks" | "poll"; intervalMs: number }

type SyncModeSettings = Pick<Env, "BBB_WEBHOOKS_SERVERS" | "BBB_WEBHOOKS_REGISTER_MS" | "MEETINGS_SYNC_INTERVAL_MS" | "MEETINGS_FULL_SYNC_INTERVAL_MS">

export function syncModeOf(env: SyncModeSettings, registration: WebhooksRegistration | null, now = Date.now()): SyncMode {
  const healthy =
    env.BBB_WEBHOOKS_SERVERS.length > 0 && registration !== null && registration.ok && now - registration.at <= 2 * env.BBB_WEBHOOKS_REGISTER_MS
  return healthy ? { mode: "webhooks", intervalMs: Math.max(env.MEETINGS_FULL_SYNC_INTERVAL_MS, env.MEETINGS_SYNC_INTERVAL_MS) } : { mode: "poll", intervalMs: env.MEETINGS_SYNC_INTERVAL_MS }
}

export async function recordWebhooksRegistration(redis: Redis, registration: WebhooksRegistration): Promise<void> {
  await redis.set(webhooksRegistrationKey(), JSON.stringify(registration))
}

const globalForSync = globalThis as unknown as { lastSyncRunAt?: number }

/** A sync ran to its end in this process (success or a reported failure): the watchdog's heartbeat. */
export function noteSyncRan(now = Date.now()): void {
  globalForSync.lastSyncRunAt = now
}

export function getLastSyncRunAt(): number | undefined {
  return globalForSync.lastSyncRunAt
}

export async function recordSyncOutcome(redis: Redis, outcome: { ok: true; ms: number; meetings: number } | { ok: false; error: string }): Promise<void> {
  const at = Date.now()
  const call: LastBbbCall = outcome.ok ? { ok: true, at } : { ok: false, at, error: outcome.error }
  const pipeline = redis.multi().set(lastBbbCallKey(), JSON.stringify(call))
  if (outcome.ok) pipeline.set(lastSyncKey(), JSON.stringify({ at, ms: outcome.ms, meetings: outcome.meetings } satisfies LastSync))
  await pipeline.exec()
}

function parse<T>(schema: z.ZodType<T>, raw: string | null): T | null {
  if (!raw) return null
  try {
    const r = schema.safeParse(JSON.parse(raw))
    return r.success ? r.data : null
  } catch {
    return null
  }
}

export type SyncStatus = { lastSync: LastSync | null; lastBbbCall: LastBbbCall | null; webhooks: WebhooksRegistration | null }

export async function readSyncStatus(redis: Redis): Promise<SyncStatus> {
  const [sync, call, webhooks] = await redis.mget(lastSyncKey(), lastBbbCallKey(), webhooksRegistrationKey())
  return {
    lastSync: parse(lastSyncSchema, sync ?? null),
    lastBbbCall: parse(lastBbbCallSchema, call ?? null),
    webhooks: parse(webhooksRegistrationSchema, webhooks ?? null),
  }
}
