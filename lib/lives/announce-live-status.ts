// Tells open pages that a live changed status, on both feeds: the "lives" change topic (teacher pages
// and the Directs list re-read what they show) and the live's own event channel (its live page shows
// "this live has ended" without polling). Called by every use case right after it moves a live's
// status. Best effort: the database is the truth; Redis being down only delays the pages.
import { publishChange } from "@/lib/events/change-feed"
import { publishLiveEvent } from "@/lib/events/live-feed"
import { getProducerRedis, withRedis } from "@/lib/redis"

import type { LiveStatus } from "./schemas"

export async function announceLiveStatus(input: { liveId: number; status: LiveStatus }): Promise<void> {
  const redis = getProducerRedis()
  await Promise.all([
    withRedis(redis, () => publishChange(redis, "lives", { liveId: input.liveId })).catch(() => undefined),
    withRedis(redis, () => publishLiveEvent(redis, input.liveId, { type: "status", status: input.status })).catch(() => undefined),
  ])
}
