// Where the meeting sync leaves its outcome for health checks of any process: the last successful
// sync and the last BBB call in Redis (the web app reads them), and the time of the last run in this
// process (the orchestrator's watchdog reads it, whatever Redis holds). Written by lib/meetings, read
// by lib/health and the metrics: it sits here, below both, so neither depends on the other's reader.
import type { Redis } from "ioredis"
import { z } from "zod"

import { redisKey } from "@/lib/redis-keys"

// Under the queue prefix: deployments (and test files) sharing one Redis keep their own status.
export const lastSyncKey = () => redisKey("meetings-sync", "last-success")
export const lastBbbCallKey = () => redisKey("bbb", "last-call")

/** The sync counts as stalled when it did not run for this many intervals (watchdog and health alike). */
export const STALLED_AFTER_INTERVALS = 3

export const lastSyncSchema = z.object({ at: z.number(), ms: z.number(), meetings: z.number() })
export type LastSync = z.infer<typeof lastSyncSchema>
export const lastBbbCallSchema = z.object({ ok: z.boolean(), at: z.number(), error: z.string().optional() })
export type LastBbbCall = z.infer<typeof lastBbbCallSchema>

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

export async function readSyncStatus(redis: Redis): Promise<{ lastSync: LastSync | null; lastBbbCall: LastBbbCall | null }> {
  const [sync, call] = await redis.mget(lastSyncKey(), lastBbbCallKey())
  return { lastSync: parse(lastSyncSchema, sync ?? null), lastBbbCall: parse(lastBbbCallSchema, call ?? null) }
}
