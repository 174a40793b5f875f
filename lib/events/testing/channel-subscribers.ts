// Test helper: the acknowledgement a test waits for before it publishes on a channel that the
// process's subscriber connection (lib/events/live-feed.ts) subscribes to in the background.
import type { Redis } from "ioredis"
import { vi } from "vitest"

/**
 * Resolves once Redis counts `count` subscribers on `channel` (1: the process's subscriber has
 * subscribed; 0: it has unsubscribed). `redis` must be a connection not in subscriber mode.
 */
export async function channelSubscribers(redis: Redis, channel: string, count: number): Promise<void> {
  await vi.waitFor(
    async () => {
      const [, subscribers] = (await redis.pubsub("NUMSUB", channel)) as [string, number | string]
      if (Number(subscribers) !== count) throw new Error(`${channel} has ${subscribers} subscribers, not ${count}`)
    },
    { timeout: 5_000, interval: 10 },
  )
}
