// The figures of lives' audiences, from their samples in one grouped query: peak concurrent viewers,
// distinct viewers (the last HyperLogLog estimate) and total watch time (each sample's viewers times
// the time to the next sample, at most two sampling intervals: a gap while Redis was down counts
// nothing rather than an invented value).
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

export type AudienceStats = { peakViewers: number; distinctViewers: number; watchSeconds: number }

export const NO_AUDIENCE: AudienceStats = { peakViewers: 0, distinctViewers: 0, watchSeconds: 0 }

/** How long one sample stands for, at most (seconds). */
export function sampleSpanSeconds(): number {
  return (2 * getEnv().AUDIENCE_SAMPLE_INTERVAL_MS) / 1000
}

export async function audienceStats(liveIds: number[]): Promise<Map<number, AudienceStats>> {
  if (liveIds.length === 0) return new Map()
  const span = sampleSpanSeconds()
  const rows = await db.$queryRaw<{ live_id: number; peak: number; seen: number; watch: number }[]>`
    SELECT live_id, MAX(viewers)::int AS peak, MAX(distinct_viewers)::int AS seen,
           COALESCE(SUM(viewers * LEAST(EXTRACT(EPOCH FROM next_at - at), ${span}::float8)), 0)::float8 AS watch
    FROM (SELECT live_id, at, viewers, distinct_viewers, LEAD(at) OVER (PARTITION BY live_id ORDER BY at) AS next_at
          FROM live_audience_samples WHERE live_id = ANY(${liveIds}::int[])) s
    GROUP BY live_id`
  return new Map(rows.map((r) => [r.live_id, { peakViewers: r.peak, distinctViewers: r.seen, watchSeconds: Math.round(r.watch) }]))
}
