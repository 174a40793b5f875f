// Viewer presence across app instances: a live's viewers are counted in Redis, each person once (a
// signed-in account across tabs and instances, an anonymous browser across tabs); a page that leaves
// is no longer counted; a crashed instance's viewers expire by themselves; counts reach every page as
// `viewers` events on the live's channel.
import { Redis } from "ioredis"
import { afterAll, beforeAll, expect, it } from "vitest"

import { liveChannel, type LiveEvent } from "@/lib/events/live-feed"
import { createSubscriberRedis, getProducerRedis } from "@/lib/redis"

import { countLiveViewers, countLiveViewerSplit, readLivesAudience, trackLiveViewer, VIEWER_PRESENCE, viewersKey } from "./track-live-viewer"

// The app's kind of subscriber connection (lib/redis.ts says why: a plain one lost its subscription
// when it was sent during the connection's ready check, and every event was missed under load).
const subscriber = createSubscriberRedis()
const published: { liveId: number; event: LiveEvent }[] = []
let nextLiveId = 0

beforeAll(async () => {
  Object.assign(VIEWER_PRESENCE, { HEARTBEAT_MS: 200, EXPIRY_MS: 1_000, THROTTLE_MS: 50 })
  // Live ids far above those of the database: these tests need none.
  nextLiveId = 900_000_000 + Math.floor(Math.random() * 1_000_000)
  await subscriber.psubscribe(liveChannel(0).replace(/0$/, "*"))
  subscriber.on("pmessage", (_pattern, channel: string, text: string) => {
    published.push({ liveId: Number(channel.split(":").at(-1)), event: JSON.parse(text) as LiveEvent })
  })
})
afterAll(() => {
  subscriber.disconnect()
  getProducerRedis().disconnect()
})

async function until<T>(what: string, probe: () => Promise<T> | T, accept: (v: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (accept(value)) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)})`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

const lastViewersEvent = (liveId: number) =>
  published.filter((p) => p.liveId === liveId && p.event.type === "viewers").map((p) => (p.event as { count: number }).count).at(-1)

it("counts each open page once, publishes the count, and stops counting a page that leaves", async () => {
  const liveId = nextLiveId++
  const first = await trackLiveViewer(liveId)
  const second = await trackLiveViewer(liveId)
  expect(first.connectionId).not.toBe(second.connectionId)
  expect(await countLiveViewers(liveId)).toBe(2)
  await until("a viewers event of 2", () => lastViewersEvent(liveId), (c) => c === 2)

  await first.leave()
  await first.leave() // twice changes nothing
  expect(await countLiveViewers(liveId)).toBe(1)
  await until("a viewers event of 1", () => lastViewersEvent(liveId), (c) => c === 1)

  await second.leave()
  expect(await countLiveViewers(liveId)).toBe(0)
  await until("a viewers event of 0", () => lastViewersEvent(liveId), (c) => c === 0)
})

it("drops the viewers of a crashed instance when their presence expires, and says so", async () => {
  const liveId = nextLiveId++
  const redis = new Redis(process.env.REDIS_URL!)
  // Another instance had two viewers and died: nobody refreshes them any more.
  await redis.zadd(viewersKey(liveId), Date.now() + 400, "a:x@dead", Date.now() + 400, "u:7@dead")
  const alive = await trackLiveViewer(liveId)
  expect(await countLiveViewers(liveId)).toBe(3)
  await until("a viewers event of 3", () => lastViewersEvent(liveId), (c) => c === 3)
  // This instance's heartbeat keeps its own viewer and reports the others gone.
  await until("a viewers event of 1", () => lastViewersEvent(liveId), (c) => c === 1)
  expect(await countLiveViewers(liveId)).toBe(1)
  expect(await redis.zrange(viewersKey(liveId), 0, -1)).toEqual([expect.stringMatching(new RegExp(`^a:${alive.connectionId}@`))])
  await alive.leave()
  redis.disconnect()
})

it("keeps a live page counted for as long as it stays open (heartbeats outlive the expiry)", async () => {
  const liveId = nextLiveId++
  const viewer = await trackLiveViewer(liveId)
  await new Promise((r) => setTimeout(r, 2.5 * VIEWER_PRESENCE.EXPIRY_MS))
  expect(await countLiveViewers(liveId)).toBe(1)
  await viewer.leave()
})

it("counts a person once: a signed-in account's tabs (on two instances too) and an anonymous browser's tabs", async () => {
  const liveId = nextLiveId++
  const redis = new Redis(process.env.REDIS_URL!)
  const tab1 = await trackLiveViewer(liveId, { userId: 41 })
  const tab2 = await trackLiveViewer(liveId, { userId: 41 })
  const other = await trackLiveViewer(liveId, { userId: 42 })
  const anon1 = await trackLiveViewer(liveId, { browserId: "b-1" })
  const anon2 = await trackLiveViewer(liveId, { browserId: "b-1" })
  const anon3 = await trackLiveViewer(liveId, { browserId: "b-2" })
  // The same account on another (live) instance.
  await redis.zadd(viewersKey(liveId), Date.now() + 60_000, "u:41@other-instance")
  expect(await countLiveViewerSplit(liveId)).toEqual({ viewers: 4, signedIn: 2, anonymous: 2 })
  await until("a viewers event of 4", () => lastViewersEvent(liveId), (c) => c === 4)

  // One tab of two closes: still there; the last one closes: gone from this instance only.
  await tab1.leave()
  await anon1.leave()
  expect(await countLiveViewerSplit(liveId)).toEqual({ viewers: 4, signedIn: 2, anonymous: 2 })
  await anon2.leave()
  expect(await countLiveViewerSplit(liveId)).toEqual({ viewers: 3, signedIn: 2, anonymous: 1 })
  await tab2.leave()
  expect(await countLiveViewers(liveId)).toBe(3) // still open on the other instance
  await redis.zrem(viewersKey(liveId), "u:41@other-instance")
  expect(await countLiveViewerSplit(liveId)).toEqual({ viewers: 2, signedIn: 1, anonymous: 1 })

  // The sampler's read: counts now, and distinct viewers so far (41, 42, b-1, b-2); no player
  // reported its rendition here (lib/audience/audience-renditions.integration.test.ts does).
  const audience = await readLivesAudience([liveId, nextLiveId++])
  expect(audience.get(liveId)).toEqual({ viewers: 2, signedIn: 1, anonymous: 1, distinct: 4, renditions: {} })
  expect(audience.get(liveId + 1)).toEqual({ viewers: 0, signedIn: 0, anonymous: 0, distinct: 0, renditions: {} })
  await other.leave()
  await anon3.leave()
  redis.disconnect()
})
