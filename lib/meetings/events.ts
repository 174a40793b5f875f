// The meetings domain's change notification (see lib/events/change-feed.ts).
import type { Redis } from "ioredis"

import { publishChange } from "@/lib/events/change-feed"

export async function publishMeetingsChanged(redis: Redis, payload: { changed: number; ended: number }): Promise<void> {
  await publishChange(redis, "meetings", payload)
}
