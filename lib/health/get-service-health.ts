// The health of the service as a load balancer, an operator (`npm run worker -- --health`) and the
// admin page need it: PostgreSQL and Redis answer now (readiness), BigBlueButton's last call, the age of
// the last successful meeting sync, and the queues' waiting/failed counts. "degraded" when the service
// answers but sessions may be stale (no successful sync for three intervals, or BBB failing).
import { getEnv, type Env } from "@/lib/config/env"
import { readSyncStatus, STALLED_AFTER_INTERVALS, syncModeOf, type LastBbbCall, type LastSync, type SyncMode, type WebhooksRegistration } from "@/lib/metrics/sync-status"
import { getQueue, QUEUES } from "@/lib/queues"
import { getProducerRedis, withRedis } from "@/lib/redis"

import { checkDatabase, checkRedis, type ServiceStatus } from "./check-services"

export type HealthStatus = "ok" | "degraded" | "down"
export type QueueCounts = { waiting: number; active: number; delayed: number; failed: number }

export type ServiceHealth = {
  status: HealthStatus
  /** PostgreSQL and Redis answer: the app can serve requests (what a load balancer asks). */
  ready: boolean
  checkedAt: string
  postgresql: ServiceStatus
  redis: ServiceStatus
  /** Outcome of the last BBB call of the meeting sync; null when none is known (Redis down or never synced). */
  bbb: (LastBbbCall & { atIso: string }) | null
  lastSync: (LastSync & { atIso: string; ageMs: number }) | null
  syncIntervalMs: number
  /** Poll, or bbb-webhooks healthy and the full sync as a safety net (syncIntervalMs is the mode's). */
  syncMode: SyncMode["mode"]
  /** A successful sync older than this (three intervals) makes the service degraded. */
  staleAfterMs: number
  queues: Record<string, QueueCounts> | null
  /** Short reasons, in English, for logs and the worker's --health (the admin page words them itself). */
  problems: string[]
}

const MONITORED_QUEUES = [QUEUES.meetingsSync, QUEUES.lives, QUEUES.meetingEnded] as const

export async function getServiceHealth(options: { env?: Env; now?: number } = {}): Promise<ServiceHealth> {
  const env = options.env ?? getEnv()
  const now = options.now ?? Date.now()
  const [postgresql, redis] = await Promise.all([checkDatabase(env.DATABASE_URL, 2_000), checkRedis(env, 2_000)])
  let bbb: ServiceHealth["bbb"] = null
  let lastSync: ServiceHealth["lastSync"] = null
  let queues: ServiceHealth["queues"] = null
  let webhooks: WebhooksRegistration | null = null
  if (redis.ok) {
    const producer = getProducerRedis()
    const status = await withRedis(producer, () => readSyncStatus(producer)).catch(() => null)
    if (status?.lastBbbCall) bbb = { ...status.lastBbbCall, atIso: new Date(status.lastBbbCall.at).toISOString() }
    webhooks = status?.webhooks ?? null
    if (status?.lastSync) lastSync = { ...status.lastSync, atIso: new Date(status.lastSync.at).toISOString(), ageMs: Math.max(0, now - status.lastSync.at) }
    queues = {}
    for (const name of MONITORED_QUEUES) {
      const counts = await withRedis(producer, () => getQueue(name).getJobCounts("waiting", "active", "delayed", "failed")).catch(() => null)
      if (counts) queues[name] = { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 }
    }
  }
  const mode = syncModeOf(env, webhooks, now)
  const staleAfterMs = STALLED_AFTER_INTERVALS * mode.intervalMs
  const problems: string[] = []
  if (!postgresql.ok) problems.push(postgresql.message)
  if (!redis.ok) problems.push(redis.message)
  if (redis.ok && !lastSync) problems.push("no successful meeting sync is known")
  if (lastSync && lastSync.ageMs > staleAfterMs) problems.push(`the last successful meeting sync is ${Math.round(lastSync.ageMs / 1000)} s old`)
  if (bbb && !bbb.ok) problems.push(`BigBlueButton's last answer failed: ${bbb.error ?? "unknown error"}`)
  const ready = postgresql.ok && redis.ok
  const status: HealthStatus = !ready ? "down" : problems.length > 0 ? "degraded" : "ok"
  return { status, ready, checkedAt: new Date(now).toISOString(), postgresql, redis, bbb, lastSync, syncIntervalMs: mode.intervalMs, syncMode: mode.mode, staleAfterMs, queues, problems }
}
