// The orchestrator's watchdog: when no meeting sync ran for three intervals although Redis answers
// (a lost scheduler, a stalled consumer), it re-creates what is missing, logs it and mails the
// admins once per incident; one more line when syncs run again.
import { isDown, getDependencyStates, formatDuration } from "@/lib/health/outages"
import { logger } from "@/lib/logger"
import { notifyAdmins } from "@/lib/mail/notify-admins"
import { getLastSyncRunAt, STALLED_AFTER_INTERVALS } from "@/lib/metrics/sync-status"

export type SyncWatchdogOptions = {
  intervalMs: number
  /** Re-creates missing schedulers and consumers; returns what it re-created. */
  heal: () => Promise<string[]>
  notify?: (subject: string, text: string) => Promise<unknown>
  now?: () => number
}

export type SyncWatchdogState = "ok" | "waiting-for-redis" | "stalled"

export function createSyncWatchdog(options: SyncWatchdogOptions) {
  const now = options.now ?? Date.now
  const notify = options.notify ?? notifyAdmins
  const startedAt = now()
  let stalledSince: number | null = null
  let mailed = false

  async function check(): Promise<SyncWatchdogState> {
    // Nothing runs while Redis is down: that outage is already reported; count from its return.
    if (isDown("redis")) return "waiting-for-redis"
    const redisUpSince = getDependencyStates().redis?.since ?? 0
    const lastRun = getLastSyncRunAt() ?? 0
    const baseline = Math.max(startedAt, lastRun, redisUpSince)
    const age = now() - baseline
    if (age <= STALLED_AFTER_INTERVALS * options.intervalMs) {
      if (stalledSince !== null && lastRun > stalledSince) {
        logger.info({ stalledForS: Math.round((lastRun - stalledSince) / 1000) }, `meeting sync runs again after ${formatDuration(lastRun - stalledSince)}`)
        stalledSince = null
        mailed = false
      }
      return "ok"
    }
    const firstTime = stalledSince === null
    stalledSince ??= baseline
    let recreated: string[] = []
    try {
      recreated = await options.heal()
    } catch (error) {
      logger.warn({ error: (error as Error).message }, "meeting sync watchdog could not re-create what is missing")
    }
    if (firstTime || recreated.length > 0) {
      logger.warn(
        { lastRunAgoS: Math.round(age / 1000), recreated },
        `no meeting sync ran for ${formatDuration(age)}${recreated.length ? `: re-created ${recreated.join(", ")}` : ""}`,
      )
    }
    if (!mailed) {
      mailed = true
      await notify(
        "Meeting sync stalled",
        `No meeting sync ran for ${formatDuration(age)} (expected every ${formatDuration(options.intervalMs)}).\n\n` +
          (recreated.length ? `The worker re-created: ${recreated.join(", ")}.\n` : "Nothing was missing; the worker keeps watching.\n") +
          "Teachers may not see their sessions until it runs again. You get this mail once per incident.",
      ).catch((error: unknown) => logger.warn({ error: (error as Error).message }, "watchdog mail could not be sent"))
    }
    return "stalled"
  }

  return { check }
}
