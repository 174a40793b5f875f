// One sync run as the worker and `npm run bbb:sync` do it: sync, then emit "meeting ended" events
// for the live orchestrator, notify open pages, and report incidents to the admins once.
import type { Redis } from "ioredis"

import { outageOf } from "@/lib/health/classify-outage"
import { reportDown, reportUp } from "@/lib/health/outages"
import { logger } from "@/lib/logger"
import { observeSync, publishProcessMetrics } from "@/lib/metrics/process-metrics"
import { getEnv } from "@/lib/config/env"
import { noteSyncRan, readSyncStatus, recordSyncOutcome, syncModeOf } from "@/lib/metrics/sync-status"

import { publishMeetingsChanged } from "./events"
import { enqueueMeetingsEnded } from "./jobs"
import { reportSyncFailure, reportSyncSuccess } from "./report-sync-incident"
import { refreshMeeting, type MeetingInfoSource, type RefreshMeetingResult } from "./refresh-meeting"
import { syncMeetings, type MeetingsSource, type SyncResult } from "./sync-meetings"

export type RunMeetingsSyncDeps = {
  source: MeetingsSource
  redis: Redis
  incidentKey?: string
}

/**
 * The scheduler's tick (every MEETINGS_SYNC_INTERVAL_MS): while bbb-webhooks are registered and healthy,
 * the full sync runs only once per MEETINGS_FULL_SYNC_INTERVAL_MS (callbacks refresh what changed in
 * between); a skipped tick still counts as the scheduler's heartbeat for the watchdog.
 */
export async function runScheduledMeetingsSync(deps: RunMeetingsSyncDeps & { now?: number }): Promise<SyncResult | { skipped: true; reason: "full sync not due" }> {
  const env = getEnv()
  if (env.BBB_WEBHOOKS_SERVERS.length > 0) {
    const now = deps.now ?? Date.now()
    const status = await readSyncStatus(deps.redis).catch(() => null)
    const mode = syncModeOf(env, status?.webhooks ?? null, now)
    // Half a tick of slack, so that a 60 s interval on a 10 s tick runs every 60 s, not every 70 s.
    if (mode.mode === "webhooks" && status?.lastSync && now - status.lastSync.at < mode.intervalMs - env.MEETINGS_SYNC_INTERVAL_MS / 2) {
      noteSyncRan()
      return { skipped: true, reason: "full sync not due" }
    }
  }
  return runMeetingsSync(deps)
}

export async function runMeetingsSync(deps: RunMeetingsSyncDeps): Promise<SyncResult> {
  let result: SyncResult
  const started = performance.now()
  try {
    result = await syncMeetings({ source: deps.source })
  } catch (error) {
    const err = error as Error & { code?: string }
    noteSyncRan()
    // An expected outage is one "down" line (and reminders), not a stack trace every interval.
    const outage = outageOf(err)
    observeSync(outage ? `${outage}_unavailable` : "failure", (performance.now() - started) / 1000)
    if (outage !== "redis") await publishProcessMetrics(deps.redis).catch(() => undefined)
    if (outage) reportDown(outage, err)
    else logger.error({ err, code: err.code }, "meeting sync failed: nothing changed")
    if (outage !== "redis") await recordSyncOutcome(deps.redis, { ok: false, error: err.message }).catch(() => undefined)
    if (outage !== "postgresql") await reportSyncFailure(deps.redis, err, deps.incidentKey).catch((e) => logger.error({ err: e }, "incident report failed"))
    throw error
  }
  noteSyncRan()
  if (!result.skipped) observeSync("success", (performance.now() - started) / 1000)
  await publishProcessMetrics(deps.redis).catch(() => undefined)
  reportUp("bbb")
  reportUp("postgresql")
  if (!result.skipped) {
    await recordSyncOutcome(deps.redis, { ok: true, ms: Math.round(result.timings.totalMs), meetings: result.meetings }).catch(() => undefined)
  }
  await reportSyncSuccess(deps.redis, deps.incidentKey).catch((e) => logger.error({ err: e }, "recovery report failed"))
  if (result.skipped) {
    logger.debug("meeting sync skipped: another one is running")
    return result
  }
  await enqueueMeetingsEnded(result.endedMeetingIds)
  if (result.changed > 0 || result.endedMeetingIds.length > 0) {
    await publishMeetingsChanged(deps.redis, { changed: result.changed, ended: result.endedMeetingIds.length }).catch(() => undefined)
  }
  logger.info(
    {
      meetings: result.meetings,
      changed: result.changed,
      ended: result.endedMeetingIds.length,
      matches: result.matchesChanged,
      ms: Math.round(result.timings.totalMs),
    },
    "meeting sync done",
  )
  return result
}

/**
 * One targeted refresh as the worker runs it (a webhook named the session): then the same events as
 * a sync. Failures are left to the caller (one attempt: the periodic sync follows and reports outages).
 */
export async function runMeetingRefresh(deps: { source: MeetingInfoSource; redis: Redis; meetingID: string }): Promise<RefreshMeetingResult> {
  const result = await refreshMeeting({ source: deps.source, meetingID: deps.meetingID })
  await enqueueMeetingsEnded(result.endedMeetingIds)
  if (result.changed > 0 || result.endedMeetingIds.length > 0) {
    await publishMeetingsChanged(deps.redis, { changed: result.changed, ended: result.endedMeetingIds.length }).catch(() => undefined)
  }
  logger.info({ changed: result.changed, ended: result.endedMeetingIds.length, matches: result.matchesChanged }, "meeting refreshed (webhook)")
  return result
}
