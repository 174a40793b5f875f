// Opening « Réaliser un direct » triggers one sync per debounce window, whatever the number of
// teachers and app instances, and never fails when Redis is down.
import { Redis } from "ioredis"
import { afterAll, describe, expect, it } from "vitest"

import { getEnv } from "@/lib/config/env"
import { closeQueues, getQueue, QUEUES } from "@/lib/queues"
import { getProducerRedis } from "@/lib/redis"

import { meetingsRefreshKey, requestMeetingsRefresh } from "./request-meetings-refresh"

afterAll(async () => {
  await closeQueues()
  getProducerRedis().disconnect()
})

const refreshJobs = async () => (await getQueue(QUEUES.meetingsSync).getJobs(["waiting", "delayed", "active"])).filter((j) => j.id?.startsWith("refresh-"))

describe("requestMeetingsRefresh", () => {
  it("enqueues one sync for fifty teachers opening the page at once, and one trailing sync at the window's end", async () => {
    const before = Date.now()
    const results = await Promise.all(Array.from({ length: 50 }, () => requestMeetingsRefresh({ debounceMs: 60_000 })))
    expect(results.filter(Boolean)).toHaveLength(1)
    const jobs = await refreshJobs()
    expect(jobs).toHaveLength(2)
    for (const job of jobs) expect(job.data).toEqual({ reason: "manual" })
    const trailing = jobs.find((j) => j.id!.includes("-trail-"))!
    const now = jobs.find((j) => !j.id!.includes("-trail-"))!
    expect(now.opts.delay ?? 0).toBe(0)
    // Due when the window (opened by the winner) closes: 60 s after it, never later.
    const due = trailing.timestamp + (trailing.opts.delay ?? 0)
    expect(due).toBeGreaterThan(before + 59_000)
    expect(due).toBeLessThanOrEqual(Date.now() + 60_000)
  })

  it("is shared by every app instance (another connection sees the window) and enqueues again after it", async () => {
    const other = new Redis(getEnv().REDIS_URL)
    expect(await other.pttl(meetingsRefreshKey())).toBeGreaterThan(0)
    expect(await requestMeetingsRefresh()).toBe(false)
    expect(await refreshJobs()).toHaveLength(2) // still one trailing sync for that window
    await other.del(meetingsRefreshKey()) // the window ends
    other.disconnect()
    expect(await requestMeetingsRefresh()).toBe(true)
    expect(await refreshJobs()).toHaveLength(3)
  })

  it("answers false, without throwing, when Redis does not answer", async () => {
    getProducerRedis().disconnect()
    expect(await requestMeetingsRefresh()).toBe(false)
  })
})
