// A live page learns that its live ended from the live's own event channel (not by polling): every
// use case that ends a live publishes its new status there, and the Directs list's "lives" topic too.
import { Redis } from "ioredis"
import { afterAll, beforeAll, expect, it } from "vitest"

import { changeChannel } from "@/lib/events/change-feed"
import { liveChannel, onLiveEvent, type LiveEvent } from "@/lib/events/live-feed"
import { channelSubscribers } from "@/lib/events/testing/channel-subscribers"
import { createSubscriberRedis } from "@/lib/redis"
import { failLive } from "@/lib/streamers/fail-live"

import { stopLive } from "./stop-live"
import { seedLiveOnAir } from "./testing/seed-live-on-air"

const changes: unknown[] = []
const subscriber = createSubscriberRedis() // lib/redis.ts: keeps a subscription sent while connecting
const redis = new Redis(process.env.REDIS_URL!) // asks Redis who is subscribed

beforeAll(async () => {
  await subscriber.subscribe(changeChannel("lives"))
  subscriber.on("message", (_channel: string, text: string) => changes.push(JSON.parse(text)))
})
afterAll(() => {
  subscriber.disconnect()
  redis.disconnect()
})

async function eventsDuring(liveId: number, action: () => Promise<unknown>): Promise<LiveEvent[]> {
  const events: LiveEvent[] = []
  const off = onLiveEvent(liveId, (e) => events.push(e))
  await channelSubscribers(redis, liveChannel(liveId), 1) // the process's subscriber has subscribed
  await action()
  await expect.poll(() => events.length, { timeout: 5_000, interval: 10 }).toBeGreaterThan(0)
  off()
  return events
}

it("stopping a running live tells its page (STOPPING) and the lives topic", async () => {
  const live = await seedLiveOnAir()
  const events = await eventsDuring(live.liveId, () => stopLive({ liveId: live.liveId, reason: "MEETING_ENDED" }))
  expect(events).toEqual([{ type: "status", status: "STOPPING" }])
  // Another connection's channel: its message may arrive a moment after the live's own event.
  await expect.poll(() => changes, { timeout: 5_000 }).toContainEqual(expect.objectContaining({ topic: "lives", liveId: live.liveId }))
})

it("a live that fails tells its page FAILED", async () => {
  const live = await seedLiveOnAir()
  const events = await eventsDuring(live.liveId, () => failLive({ liveId: live.liveId, reason: "STREAM_STALLED" }))
  expect(events).toEqual([{ type: "status", status: "FAILED" }])
})

it("a live cancelled before it started tells its page STOPPED", async () => {
  const live = await seedLiveOnAir({ status: "REQUESTED" })
  const events = await eventsDuring(live.liveId, () => stopLive({ liveId: live.liveId, reason: "CANCELLED_BY_TEACHER" }))
  expect(events).toEqual([{ type: "status", status: "STOPPED" }])
})
