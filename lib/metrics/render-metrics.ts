// The Prometheus exposition of /api/metrics: what the database says now (meetings and attendees
// running, attendee matches by state, lives by status), the queues' depths, the last successful sync,
// and the sums of every process's own metrics (sync durations and outcomes, BBB call latencies).
import { AggregatorRegistry, Gauge, Registry } from "prom-client"

import { db } from "@/lib/db"
import { getQueue, QUEUES } from "@/lib/queues"
import { getProducerRedis, withRedis } from "@/lib/redis"

import { METRICS_PREFIX, readProcessSnapshots } from "./process-metrics"
import { readSyncStatus } from "./sync-status"

const QUEUE_STATES = ["waiting", "active", "delayed", "failed"] as const

export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  const registry = new Registry()
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Gauge<L>({ name: `${METRICS_PREFIX}${name}`, help, labelNames, registers: [registry] })

  const running = { endedAt: null }
  const [meetings, attendees, matches, lives] = await Promise.all([
    db.meeting.count({ where: running }),
    db.attendee.count({ where: { leftAt: null, meeting: running } }),
    db.attendee.groupBy({ by: ["matchStatus"], where: { leftAt: null, role: "MODERATOR", meeting: running }, _count: { _all: true } }),
    db.live.groupBy({ by: ["status"], _count: { _all: true } }),
  ])
  gauge("meetings_running", "BigBlueButton sessions running (as of the last successful sync)").set(meetings)
  gauge("attendees_running", "Attendees present in running sessions").set(attendees)
  const matchGauge = gauge("moderator_matches", "Moderators of running sessions by match state", ["state"])
  for (const m of matches) matchGauge.set({ state: m.matchStatus }, m._count._all)
  const liveGauge = gauge("lives", "Lives by status", ["status"])
  for (const l of lives) liveGauge.set({ status: l.status }, l._count._all)

  const redis = getProducerRedis()
  let snapshots: object[][] = []
  const queueGauge = gauge("queue_jobs", "Jobs in each queue by state", ["queue", "state"])
  const redisUp = gauge("redis_up", "1 when Redis answered this scrape")
  try {
    for (const name of Object.values(QUEUES)) {
      const counts = await withRedis(redis, () => getQueue(name).getJobCounts(...QUEUE_STATES))
      for (const state of QUEUE_STATES) queueGauge.set({ queue: name, state }, counts[state] ?? 0)
    }
    const status = await withRedis(redis, () => readSyncStatus(redis))
    if (status.lastSync) gauge("meetings_sync_last_success_timestamp_seconds", "When the last meeting sync succeeded (Unix time)").set(status.lastSync.at / 1000)
    if (status.lastBbbCall) gauge("bbb_last_call_success", "1 when BigBlueButton's last answer to the sync was a success").set(status.lastBbbCall.ok ? 1 : 0)
    snapshots = await withRedis(redis, () => readProcessSnapshots(redis))
    redisUp.set(1)
  } catch {
    redisUp.set(0) // the database part is still worth serving
  }
  const merged = snapshots.length ? Registry.merge([registry, AggregatorRegistry.aggregate(snapshots)]) : registry
  return { contentType: registry.contentType, body: await merged.metrics() }
}
