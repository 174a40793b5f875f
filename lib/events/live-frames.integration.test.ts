// A live page's events reach its streams grouped in time: the first at once, those that follow within
// LIVE_EVENT_BATCH_MS in one write, the same bytes for every stream of the process (real Redis).
import { Redis } from "ioredis"
import { afterAll, afterEach, beforeAll, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"

import { liveChannel, publishLiveEvent } from "./live-feed"
import { onLiveFrames } from "./live-frames"
import { channelSubscribers } from "./testing/channel-subscribers"

const publisher = new Redis(process.env.REDIS_URL!)
const decoder = new TextDecoder()
let nextLiveId = 900_000 + Math.floor(Math.random() * 90_000)

beforeAll(() => {
  process.env.LIVE_EVENT_BATCH_MS = "300"
  resetEnvCache()
})
afterEach(() => {
  process.env.LIVE_EVENT_BATCH_MS = "300"
  resetEnvCache()
})
afterAll(() => {
  delete process.env.LIVE_EVENT_BATCH_MS
  resetEnvCache()
  publisher.disconnect()
})

type Received = { bytes: Uint8Array }

function listen(liveId: number): { received: Received[]; off: () => void } {
  const received: Received[] = []
  const off = onLiveFrames(liveId, (bytes) => received.push({ bytes }))
  return { received, off }
}

/** Redis acknowledges that the process's subscriber has subscribed to the live's channel (or has left it, with 0). */
const subscribed = (liveId: number, count = 1) => channelSubscribers(publisher, liveChannel(liveId), count)
const chat = (id: number) => ({ type: "chat" as const, message: { id, authorName: "Ada Lovelace", body: `message ${id}`, sentAt: "2026-12-02T10:00:00.000Z" } })

it("sends the first event at once and groups those that follow within the interval into one write", async () => {
  const liveId = nextLiveId++
  const a = listen(liveId)
  const b = listen(liveId)
  await subscribed(liveId)
  await publishLiveEvent(publisher, liveId, chat(1))
  await expect.poll(() => a.received.length, { timeout: 2_000, interval: 10 }).toBe(1)
  await publishLiveEvent(publisher, liveId, chat(2))
  await publishLiveEvent(publisher, liveId, { type: "viewers", count: 42 })
  await publishLiveEvent(publisher, liveId, chat(3))
  await expect.poll(() => a.received.length, { timeout: 2_000, interval: 10 }).toBe(2)
  const group = a.received[1]! // the three that followed within the interval…
  expect(decoder.decode(a.received[0]!.bytes)).toBe(`event: chat\ndata: {"message":{"id":1,"authorName":"Ada Lovelace","body":"message 1","sentAt":"2026-12-02T10:00:00.000Z"}}\n\n`)
  expect(decoder.decode(group.bytes)).toBe(
    [
      `event: chat\ndata: {"message":{"id":2,"authorName":"Ada Lovelace","body":"message 2","sentAt":"2026-12-02T10:00:00.000Z"}}\n\n`,
      `event: viewers\ndata: {"count":42}\n\n`,
      `event: chat\ndata: {"message":{"id":3,"authorName":"Ada Lovelace","body":"message 3","sentAt":"2026-12-02T10:00:00.000Z"}}\n\n`,
    ].join(""),
  ) // …then sent the three, in order, in one write
  await expect.poll(() => b.received.length, { timeout: 2_000, interval: 10 }).toBe(2)
  expect(b.received[1]!.bytes).toBe(group.bytes) // the same bytes for every stream of the process
  a.off()
  b.off()
})

it("sends each event at once when the interval is 0", async () => {
  process.env.LIVE_EVENT_BATCH_MS = "0"
  resetEnvCache()
  const liveId = nextLiveId++
  const a = listen(liveId)
  await subscribed(liveId)
  for (const id of [1, 2, 3]) await publishLiveEvent(publisher, liveId, chat(id))
  await expect.poll(() => a.received.length, { timeout: 2_000, interval: 10 }).toBe(3)
  expect(a.received.map((r) => decoder.decode(r.bytes).match(/"id":(\d+)/)![1])).toEqual(["1", "2", "3"])
  a.off()
})

it("a stream that left gets nothing more, and the others still do", async () => {
  const liveId = nextLiveId++
  const a = listen(liveId)
  const b = listen(liveId)
  await subscribed(liveId)
  a.off()
  await publishLiveEvent(publisher, liveId, chat(1))
  await expect.poll(() => b.received.length, { timeout: 2_000, interval: 10 }).toBe(1)
  expect(a.received).toEqual([]) // a write goes to every stream of the group at once: b's was a's too
  b.off()
  await subscribed(liveId, 0)
  // The last stream gone, the live's group is dropped: a new stream starts a fresh one.
  const c = listen(liveId)
  await subscribed(liveId)
  await publishLiveEvent(publisher, liveId, chat(2))
  await expect.poll(() => c.received.length, { timeout: 2_000, interval: 10 }).toBe(1)
  c.off()
})
