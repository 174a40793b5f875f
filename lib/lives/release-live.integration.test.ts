// Every path that ends a live releases it the same way (lib/lives/release-live.ts): terminal status,
// its meeting and broadcaster freed, its slot freed, and the freed slot announced to the orchestrator
// (a `slot-freed` job on the lives queue) so a waiting live starts at once. A dedicated database, hence
// its own Redis prefix: the periodic scan sees only this file's lives, and the queue only its jobs.
import { mkdtemp } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { beforeAll, afterAll, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("release")
})

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { closeQueues, getQueue, QUEUES } from "@/lib/queues"
import { createFfmpegDriver } from "@/lib/streamers/drivers/ffmpeg-driver"
import { failLive } from "@/lib/streamers/fail-live"
import { runLivesScan } from "@/lib/streamers/run-lives-scan"
import { stopStreamer } from "@/lib/streamers/stop-streamer"

import { cancelLive } from "./cancel-live"
import type { LiveStatus } from "./schemas"
import { seedLiveOnAir } from "./testing/seed-live-on-air"

let workdirs: string
let serverNumber = 100

beforeAll(async () => {
  workdirs = await mkdtemp(path.join(os.tmpdir(), "bbb-release-"))
  // Ids restart with the database on every run; this prefix's queue must not keep an earlier run's jobs.
  await getQueue(QUEUES.lives).obliterate({ force: true })
})

afterAll(async () => {
  await closeQueues()
})

/** A live of `status` holding a slot of its own server, whose agent was last seen `agentSeenAt`. */
async function liveOnSlot(status: LiveStatus, options: { statusChangedAt?: Date; agentSeenAt?: Date | null } = {}) {
  const seeded = await seedLiveOnAir({ status })
  serverNumber += 1
  const slot = await db.streamerSlot.create({
    data: {
      serverNumber,
      slotNumber: 1,
      hostname: "127.0.0.1",
      redisPort: 6379,
      redisChannel: "chat1",
      workdir: path.join(workdirs, String(serverNumber)),
      agentSeenAt: options.agentSeenAt === undefined ? new Date() : options.agentSeenAt,
      currentLiveId: seeded.liveId,
    },
    select: { id: true, serverNumber: true },
  })
  await db.live.update({ where: { id: seeded.liveId }, data: { slotId: slot.id, statusChangedAt: options.statusChangedAt ?? new Date() } })
  return { ...seeded, slot }
}

async function expectReleased(liveId: number, status: "STOPPED" | "FAILED") {
  const live = await db.live.findUniqueOrThrow({ where: { id: liveId }, select: { status: true, activeMeetingId: true, broadcasterId: true, endedAt: true } })
  expect(live).toMatchObject({ status, activeMeetingId: null, broadcasterId: null })
  expect(live.endedAt).toBeInstanceOf(Date)
  expect(await db.streamerSlot.count({ where: { currentLiveId: liveId } })).toBe(0)
  const job = await getQueue(QUEUES.lives).getJob(`live-slot-freed-${liveId}`)
  expect(job?.data).toEqual({ action: "slot-freed", liveId })
}

describe("releasing a live frees and announces its slot", () => {
  it("when it fails (failLive)", async () => {
    const { liveId, slug } = await liveOnSlot("RUNNING")
    expect(await failLive({ liveId, reason: "STREAM_STALLED" })).toBe(true)
    await expectReleased(liveId, "FAILED")
    expect(await db.live.findUniqueOrThrow({ where: { id: liveId }, select: { failureReason: true } })).toEqual({ failureReason: "STREAM_STALLED" })
    expect(await db.broadcaster.count({ where: { slug } })).toBe(0)
    expect(await failLive({ liveId, reason: "STREAM_STALLED" })).toBe(false) // idempotent
  })

  it("when its agent stops its streamer (stopStreamer)", async () => {
    const { liveId, slug, slot } = await liveOnSlot("STOPPING")
    expect(await stopStreamer({ liveId, serverNumber: slot.serverNumber, driver: createFfmpegDriver() })).toBe("stopped")
    await expectReleased(liveId, "STOPPED")
    expect(await db.broadcaster.count({ where: { slug } })).toBe(0)
  })

  it("when the scan ends a live stuck STOPPING or STARTING on a server whose agent is gone (runLivesScan)", async () => {
    const longAgo = new Date(Date.now() - getEnv().STREAMER_TRANSITION_TIMEOUT_MS - 60_000)
    const stopping = await liveOnSlot("STOPPING", { statusChangedAt: longAgo, agentSeenAt: null })
    const starting = await liveOnSlot("STARTING", { statusChangedAt: longAgo, agentSeenAt: longAgo })
    const result = await runLivesScan()
    expect(result.timedOut).toBe(2)
    await expectReleased(stopping.liveId, "STOPPED")
    await expectReleased(starting.liveId, "FAILED")
    expect(await db.broadcaster.count({ where: { slug: { in: [stopping.slug, starting.slug] } } })).toBe(0)
  })

  it("when its teacher cancels it before it got a slot (cancelLive → stopLive)", async () => {
    const { liveId, teacher } = await seedLiveOnAir({ status: "REQUESTED" })
    await db.live.update({ where: { id: liveId }, data: { broadcasterId: null } })
    expect(await cancelLive({ liveId }, teacher)).toEqual({ liveId, status: "STOPPED", changed: true })
    await expectReleased(liveId, "STOPPED")
    expect(await db.live.findUniqueOrThrow({ where: { id: liveId }, select: { stopReason: true } })).toEqual({ stopReason: "CANCELLED_BY_TEACHER" })
  })
})
