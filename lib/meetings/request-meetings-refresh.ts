// "A teacher opened « Réaliser un direct »": run a meeting sync now rather than at the next tick, so
// that a session started a few seconds ago is listed. Debounced across every user and app instance by
// one Redis key (SET NX PX): at most one extra sync per window, whatever the number of teachers.
// A call that falls within another's window makes sure ONE trailing sync runs when the window ends
// (a delayed job whose id names the window): the winner's sync may have read getMeetings before the
// session this caller wants to see existed, and the next tick may be 10 s away.
// Best effort and fast: the page never waits for the sync (open pages are told of changes through the
// change feed) and never fails because Redis is down.
import { createHash } from "node:crypto"

import { logger } from "@/lib/logger"
import { addJob, QUEUES } from "@/lib/queues"
import { getProducerRedis, withRedis } from "@/lib/redis"
import { redisKey } from "@/lib/redis-keys"

import type { MeetingsSyncJob } from "./jobs"

export const MEETINGS_REFRESH_DEBOUNCE_MS = 2_000

/** Who asks: a teacher's page, or a bbb-webhooks event (each has its own window). */
export type RefreshSource = "page" | "webhook"

export const meetingsRefreshKey = (source: RefreshSource = "page") => redisKey("meetings-sync", "refresh", source)

/**
 * True when this call enqueued a sync at once, false when one was triggered within the window (a
 * trailing sync is then due at the window's end) or Redis is down.
 */
export async function requestMeetingsRefresh(options: { debounceMs?: number; source?: RefreshSource } = {}): Promise<boolean> {
  const debounceMs = options.debounceMs ?? MEETINGS_REFRESH_DEBOUNCE_MS
  const source = options.source ?? "page"
  const redis = getProducerRedis()
  const key = meetingsRefreshKey(source)
  // One attempt: the scheduled sync follows anyway. The id says which window it belongs to.
  const enqueue = (jobId: string, delay = 0) =>
    addJob(QUEUES.meetingsSync, {
      name: "sync",
      data: { reason: "manual" } satisfies MeetingsSyncJob,
      opts: { jobId, delay, attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    })
  try {
    const now = Date.now()
    const won = await withRedis(redis, () => redis.set(key, String(now), "PX", debounceMs, "NX"), 1_000)
    if (won === "OK") {
      await enqueue(`refresh-${source}-${now}`)
      return true
    }
    // Within another call's window: one trailing sync per window (same job id → added once).
    const windowStart = Number(await withRedis(redis, () => redis.get(key), 1_000)) || now
    await enqueue(`refresh-${source}-trail-${windowStart}`, Math.max(0, windowStart + debounceMs - now))
    return false
  } catch (error) {
    logger.debug({ error: (error as Error).message }, "meeting refresh not requested")
    return false
  }
}

/**
 * A bbb-webhooks event named session `meetingID` (BBB's external id): refresh that one session with
 * getMeetingInfo. One job per session per `windowMs` (its id names both), so a class of 200 joining at
 * once costs a few getMeetingInfo calls, and an event always has a refresh after it. Throws
 * QUEUE_UNAVAILABLE when Redis does not answer.
 */
export async function requestMeetingRefresh(meetingID: string, options: { windowMs?: number } = {}): Promise<void> {
  const windowMs = options.windowMs ?? 500
  const window = Math.floor(Date.now() / windowMs)
  // Job ids may not contain ":" nor be all digits; external ids are free text: hash them.
  const key = createHash("sha1").update(meetingID).digest("hex").slice(0, 16)
  await addJob(QUEUES.meetingsSync, {
    name: "refresh",
    data: { reason: "webhook", meetingID } satisfies MeetingsSyncJob,
    opts: { jobId: `refresh-meeting-${key}-${window}`, attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
  })
}
