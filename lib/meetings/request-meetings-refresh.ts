// "A teacher opened « Réaliser un direct »": run a meeting sync now rather than at the next tick, so
// that a session started a few seconds ago is listed. Debounced across every user and app instance by
// one Redis key (SET NX PX): at most one extra sync per window, whatever the number of teachers.
// Best effort and fast: the page never waits for the sync (open pages are told of changes through the
// change feed) and never fails because Redis is down.
import { getEnv } from "@/lib/config/env"
import { logger } from "@/lib/logger"
import { addJob, QUEUES } from "@/lib/queues"
import { getProducerRedis, withRedis } from "@/lib/redis"

import type { MeetingsSyncJob } from "./jobs"

export const MEETINGS_REFRESH_DEBOUNCE_MS = 2_000

/** Who asks: a teacher's page, or a bbb-webhooks event (each has its own window). */
export type RefreshSource = "page" | "webhook"

export const meetingsRefreshKey = (source: RefreshSource = "page") => `bbb-pod-live:${getEnv().QUEUE_PREFIX}:meetings-sync:refresh:${source}`

/** True when this call enqueued a sync, false when one was triggered within the window (or Redis is down). */
export async function requestMeetingsRefresh(options: { debounceMs?: number; source?: RefreshSource } = {}): Promise<boolean> {
  const debounceMs = options.debounceMs ?? MEETINGS_REFRESH_DEBOUNCE_MS
  const source = options.source ?? "page"
  const redis = getProducerRedis()
  try {
    const won = await withRedis(redis, () => redis.set(meetingsRefreshKey(source), String(Date.now()), "PX", debounceMs, "NX"), 1_000)
    if (won !== "OK") return false
    await addJob(QUEUES.meetingsSync, {
      name: "sync",
      data: { reason: "manual" } satisfies MeetingsSyncJob,
      // One attempt: the scheduled sync follows anyway. The id says which window it belongs to.
      opts: { jobId: `refresh-${source}-${Date.now()}`, attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    })
    return true
  } catch (error) {
    logger.debug({ error: (error as Error).message }, "meeting refresh not requested")
    return false
  }
}
