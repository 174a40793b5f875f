// Issue 20: two installations (two REDIS_PREFIX) on the one shared Redis, a live on air in each (the
// same live id, as two databases would number them): what one publishes or stores — live frames,
// change feed, viewer counts, the meeting-sync incident, queued jobs — never reaches the other's pages
// or workers. With the old naming (channels such as bbb-pod-live:live:<id>, shared by all) every assertion on B below fails.
//
// No waiting for "nothing": each check ends with B's own event published after A's on the same
// connection; Redis delivers a connection's publishes in order, so once B's subscriber has B's own
// event it would already hold any of A's.
import { afterAll, beforeAll, expect, it } from "vitest"

import { resetEnvCache } from "@/lib/config/env"
import { changeChannel, publishChange } from "@/lib/events/change-feed"
import { liveChannel, publishLiveEvent } from "@/lib/events/live-feed"
import { countLiveViewers, trackLiveViewer } from "@/lib/lives/track-live-viewer"
import { seedLiveOnAir } from "@/lib/lives/testing/seed-live-on-air"
import { reportSyncFailure, reportSyncSuccess } from "@/lib/meetings/report-sync-incident"
import { addJob, closeQueues, getQueue, QUEUES } from "@/lib/queues"
import { createRedis, createSubscriberRedis } from "@/lib/redis"

const BASE = process.env.REDIS_PREFIX!
const INSTALLATIONS = { a: `${BASE}-a`, b: `${BASE}-b` } as const
type Installation = keyof typeof INSTALLATIONS

/** Makes `which` the installation this process speaks for (what its REDIS_PREFIX would do). */
function as(which: Installation): void {
  process.env.REDIS_PREFIX = INSTALLATIONS[which]
  resetEnvCache()
}

type Heard = { channel: string; message: Record<string, unknown> }
const heard: Record<Installation, Heard[]> = { a: [], b: [] }
const subscribers = { a: createSubscriberRedis(), b: createSubscriberRedis() }
/** One connection for every publish of both installations (ordered delivery, see above). */
const publisher = createRedis("worker")
let liveId = 0

beforeAll(async () => {
  liveId = (await seedLiveOnAir()).liveId
  for (const which of ["a", "b"] as const) {
    as(which)
    // What each installation's web process listens to for this live's page and the Directs list.
    await subscribers[which].subscribe(liveChannel(liveId), changeChannel("lives"))
    subscribers[which].on("message", (channel: string, text: string) => heard[which].push({ channel, message: JSON.parse(text) as Record<string, unknown> }))
  }
})

afterAll(async () => {
  for (const which of ["a", "b"] as const) {
    as(which)
    await getQueue(QUEUES.meetingsSync).obliterate({ force: true })
    subscribers[which].disconnect()
  }
  publisher.disconnect()
  await closeQueues()
  process.env.REDIS_PREFIX = BASE
  resetEnvCache()
})

/** B publishes a frame of its own on its live channel and waits until its page has it. */
async function bSays(marker: string): Promise<void> {
  as("b")
  await publishLiveEvent(publisher, liveId, { type: "chat", message: { id: 0, authorName: "B", body: marker, sentAt: new Date().toISOString() } })
  await expect.poll(() => heard.b.some((h) => (h.message.message as { body?: string } | undefined)?.body === marker), { timeout: 5_000 }).toBe(true)
}

it("a status frame, a change and viewer counts of installation A reach A's pages only", async () => {
  as("a")
  await publishLiveEvent(publisher, liveId, { type: "status", status: "STOPPED" })
  await publishChange(publisher, "lives", { liveId })
  const viewer = await trackLiveViewer(liveId, undefined, publisher)
  await expect.poll(() => heard.a.filter((h) => h.message.type === "viewers").length, { timeout: 5_000 }).toBe(1)
  await viewer.leave()
  await expect.poll(() => heard.a.filter((h) => h.message.type === "viewers").map((h) => h.message.count), { timeout: 5_000 }).toEqual([1, 0])

  expect(heard.a.map((h) => h.message.type ?? h.message.topic)).toEqual(["status", "lives", "viewers", "viewers"])
  await bSays("after A's events")
  expect(heard.b.map((h) => h.message.type)).toEqual(["chat"])
})

it("a viewer counted by A is not a viewer of B's live", async () => {
  as("a")
  const before = heard.a.length
  const viewer = await trackLiveViewer(liveId, undefined, publisher)
  expect(await countLiveViewers(liveId, publisher)).toBe(1)
  as("b")
  expect(await countLiveViewers(liveId, publisher)).toBe(0)
  as("a")
  await viewer.leave()
  // A's throttled count (0 again) is out before B speaks, so no timer of A's runs under B's name.
  await expect.poll(() => heard.a.slice(before).at(-1)?.message, { timeout: 5_000 }).toEqual({ type: "viewers", count: 0 })
  await bSays("after A's viewer")
  expect(heard.b.map((h) => h.message.type)).toEqual(["chat", "chat"])
})

it("A's meeting-sync incident is not B's: B's sync closes no incident it never opened", async () => {
  as("a")
  expect(await reportSyncFailure(publisher, new Error("BBB of A is down"))).toBe(true)
  as("b")
  expect(await reportSyncSuccess(publisher)).toBe(false)
  expect(await reportSyncFailure(publisher, new Error("BBB of B is down"))).toBe(true)
  as("a")
  expect(await reportSyncSuccess(publisher)).toBe(true)
  as("b")
  expect(await reportSyncSuccess(publisher)).toBe(true)
})

it("a job queued by A waits in A's queue; B's workers never see it", async () => {
  as("a")
  await addJob(QUEUES.meetingsSync, { name: "sync", data: { reason: "manual" }, opts: { jobId: "namespaces-a" } })
  expect(await getQueue(QUEUES.meetingsSync).getJob("namespaces-a")).toBeTruthy()
  as("b")
  expect(await getQueue(QUEUES.meetingsSync).getJob("namespaces-a")).toBeUndefined()
  expect(await getQueue(QUEUES.meetingsSync).count()).toBe(0)
})
