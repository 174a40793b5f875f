// Metrics measured inside a process (the worker's meeting sync and BBB calls; BBB calls of the web
// app). Each process keeps them in its own prom-client registry and publishes a snapshot to Redis;
// /api/metrics sums the snapshots of every process (prom-client's AggregatorRegistry.aggregate).
import os from "node:os"

import type { Redis } from "ioredis"
import { Counter, Histogram, Registry } from "prom-client"

import { redisKey } from "@/lib/redis-keys"

export const METRICS_PREFIX = "bbb_pod_live_"
/** A snapshot older than this belongs to a process that is gone. */
const SNAPSHOT_TTL_S = 15 * 60

type ProcessMetrics = { registry: Registry; syncDuration: Histogram<"outcome">; syncs: Counter<"outcome">; bbbCalls: Histogram<"call" | "outcome"> }
const globalForMetrics = globalThis as unknown as { processMetrics?: ProcessMetrics }

export function getProcessMetrics(): ProcessMetrics {
  if (!globalForMetrics.processMetrics) {
    const registry = new Registry()
    globalForMetrics.processMetrics = {
      registry,
      syncDuration: new Histogram({
        name: `${METRICS_PREFIX}meetings_sync_duration_seconds`,
        help: "Duration of meeting syncs (getMeetings and the database writes), by outcome",
        labelNames: ["outcome"],
        buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
        registers: [registry],
      }),
      syncs: new Counter({ name: `${METRICS_PREFIX}meetings_syncs_total`, help: "Meeting syncs by outcome (success, bbb_unavailable, database_unavailable, failure)", labelNames: ["outcome"], registers: [registry] }),
      bbbCalls: new Histogram({
        name: `${METRICS_PREFIX}bbb_call_duration_seconds`,
        help: "Latency of BigBlueButton API calls, by call and outcome (success or the failure kind)",
        labelNames: ["call", "outcome"],
        buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
        registers: [registry],
      }),
    }
  }
  return globalForMetrics.processMetrics
}

export function observeSync(outcome: string, seconds: number): void {
  const m = getProcessMetrics()
  m.syncDuration.observe({ outcome }, seconds)
  m.syncs.inc({ outcome })
}

export function observeBbbCall(call: string, outcome: string, seconds: number): void {
  getProcessMetrics().bbbCalls.observe({ call, outcome }, seconds)
}

const snapshotPattern = () => redisKey("metrics", "*")
const ownSnapshotKey = () => redisKey("metrics", os.hostname(), process.pid)

/** Publishes this process's metrics for /api/metrics (best effort). */
export async function publishProcessMetrics(redis: Redis): Promise<void> {
  const json = await getProcessMetrics().registry.getMetricsAsJSON()
  await redis.set(ownSnapshotKey(), JSON.stringify(json), "EX", SNAPSHOT_TTL_S)
}

/** Every process's published snapshot, this process's own taken fresh. */
export async function readProcessSnapshots(redis: Redis): Promise<object[][]> {
  const own = ownSnapshotKey()
  const keys: string[] = []
  let cursor = "0"
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", snapshotPattern(), "COUNT", 100)
    cursor = next
    keys.push(...batch.filter((k) => k !== own))
  } while (cursor !== "0")
  const values = keys.length ? await redis.mget(...keys) : []
  const snapshots = values.flatMap((v) => {
    try {
      return v ? [JSON.parse(v) as object[]] : []
    } catch {
      return []
    }
  })
  return [await getProcessMetrics().registry.getMetricsAsJSON(), ...snapshots]
}
