// Change notifications for open pages (teacher's meetings list, admin): Redis pub/sub, best effort.
// The database stays the truth; a lost notification only delays a refresh until the next one.
import type { Redis } from "ioredis"

export const MEETINGS_CHANGED_CHANNEL = "bbb-pod-live:meetings-changed"

export async function publishMeetingsChanged(redis: Redis, payload: { changed: number; ended: number }): Promise<void> {
  await redis.publish(MEETINGS_CHANGED_CHANNEL, JSON.stringify({ ...payload, at: Date.now() }))
}
