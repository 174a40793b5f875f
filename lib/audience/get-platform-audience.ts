// The platform over the last days (admin overview), one row per calendar day of the installation's
// time zone (TZ), today included, days without lives as zeros:
// - lives: lives that went on air that day (startedAt); broadcastSeconds: their time on air (to their
//   end, or now for a live still on air), counted on the day they started;
// - peakViewers: the most viewers watching at once over all lives (one sampler tick's samples summed);
// - distinctViewers: each live's distinct viewers that day, summed over lives (someone who watched two
//   lives counts twice: no identity is kept to tell);
// - capacitySeconds: how long the active lives filled BBB_NUMBER_MAX_LIVES (capacity samples): a
//   teacher asking then was refused; when it is not zero on busy days, add streamer servers.
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

export type PlatformDay = {
  /** The day, YYYY-MM-DD in the installation's time zone. */
  day: string
  /** 00:00 of that day in the installation's time zone. */
  startsAt: Date
  lives: number
  broadcastSeconds: number
  peakViewers: number
  distinctViewers: number
  capacitySeconds: number
}

export const PLATFORM_DAYS = 30

export async function getPlatformAudience(options: { now?: Date; days?: number; timeZone?: string } = {}): Promise<PlatformDay[]> {
  const now = (options.now ?? new Date()).toISOString()
  const days = options.days ?? PLATFORM_DAYS
  const tz = options.timeZone ?? getEnv().TZ
  // Timestamps are stored in UTC without a zone: `local(x)` = (x AT TIME ZONE 'UTC') AT TIME ZONE tz.
  const rows = await db.$queryRaw<{ day: string; starts_at: Date; lives: number; seconds: number; peak: number; seen: number; capacity: number }[]>`
    WITH bounds AS (
      SELECT d.day, ((d.day::timestamp AT TIME ZONE ${tz}) AT TIME ZONE 'UTC') AS from_utc
      FROM generate_series(((${now}::timestamptz AT TIME ZONE ${tz})::date - ${days - 1}::int)::timestamp,
                           (${now}::timestamptz AT TIME ZONE ${tz})::date::timestamp, interval '1 day') AS d(day)
    ),
    span AS (SELECT MIN(from_utc) AS from_utc, (((MAX(day) + interval '1 day') AT TIME ZONE ${tz}) AT TIME ZONE 'UTC') AS to_utc FROM bounds),
    on_air AS (
      SELECT ((started_at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS day, COUNT(*)::int AS lives,
             SUM(GREATEST(EXTRACT(EPOCH FROM COALESCE(ended_at,
               CASE WHEN active_meeting_id IS NOT NULL THEN (${now}::timestamptz AT TIME ZONE 'UTC') ELSE status_changed_at END) - started_at), 0))::float8 AS seconds
      FROM lives WHERE started_at >= (SELECT from_utc FROM span) AND started_at < (SELECT to_utc FROM span) GROUP BY 1
    ),
    ticks AS (
      SELECT at, SUM(viewers) AS viewers FROM live_audience_samples WHERE at >= (SELECT from_utc FROM span) AND at < (SELECT to_utc FROM span) GROUP BY at
    ),
    peaks AS (SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS day, MAX(viewers)::int AS peak FROM ticks GROUP BY 1),
    seen AS (
      SELECT day, SUM(seen)::int AS seen FROM (
        SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS day, live_id, MAX(distinct_viewers) AS seen
        FROM live_audience_samples WHERE at >= (SELECT from_utc FROM span) AND at < (SELECT to_utc FROM span) GROUP BY 1, 2) per_live
      GROUP BY day
    ),
    capacity AS (
      SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date AS day, SUM(seconds)::float8 AS capacity
      FROM live_capacity_samples WHERE at >= (SELECT from_utc FROM span) AND at < (SELECT to_utc FROM span) GROUP BY 1
    )
    SELECT to_char(b.day, 'YYYY-MM-DD') AS day, (b.from_utc AT TIME ZONE 'UTC') AS starts_at,
           COALESCE(o.lives, 0)::int AS lives, COALESCE(o.seconds, 0)::float8 AS seconds, COALESCE(p.peak, 0)::int AS peak,
           COALESCE(s.seen, 0)::int AS seen, COALESCE(c.capacity, 0)::float8 AS capacity
    FROM bounds b
    LEFT JOIN on_air o ON o.day = b.day::date
    LEFT JOIN peaks p ON p.day = b.day::date
    LEFT JOIN seen s ON s.day = b.day::date
    LEFT JOIN capacity c ON c.day = b.day::date
    ORDER BY b.day`
  return rows.map((r) => ({
    day: r.day,
    startsAt: r.starts_at,
    lives: r.lives,
    broadcastSeconds: Math.round(r.seconds),
    peakViewers: r.peak,
    distinctViewers: r.seen,
    capacitySeconds: Math.round(r.capacity),
  }))
}
