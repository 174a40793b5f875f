// The agent's watch over running lives, with real streams: a healthy stream stays on air; a stream
// whose HLS playlist stops advancing, or whose streamer exits, is restarted once, then the live FAILS
// with the reason; a recorded live publishes its own file (not a stale one) as a draft video, even when
// the stop is retried after its file was moved.
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("streamers")
  process.env.STREAMER_HLS_STALL_MS = "6000" // three HLS fragments of 2 s
  process.env.AGENT_TICK_MS = "1000"
})

import { resetEnvCache, type Env } from "@/lib/config/env"
import { db } from "@/lib/db"
import { stopLive } from "@/lib/lives/stop-live"
import { closeQueues } from "@/lib/queues"
import { seedMeeting, seedUser } from "@/prisma/seed/factories"

import { recordingsDir, type StreamerDriver } from "./driver"
import { createFfmpegDriver } from "./drivers/ffmpeg-driver"
import { newStreamKey } from "./claim-slots"
import { collectRecording } from "./recording-files"
import { reconcileSlots } from "./reconcile-slots"
import { registerSlots } from "./register-slots"
import { slotLayout } from "./slot-layout"
import { startStreamer } from "./start-streamer"
import { stopStreamer } from "./stop-streamer"
import { pipelineEnv, startTestRtmp, waitForPlaylist } from "./testing/pipeline"

const SERVER = 7
let rtmp: Awaited<ReturnType<typeof startTestRtmp>>
let env: Env
let driver: StreamerDriver
let base: string
let slotCount = 0

beforeAll(async () => {
  rtmp = await startTestRtmp()
  base = await mkdtemp(path.join(os.tmpdir(), "bbb-reconcile-"))
  Object.assign(process.env, { BBB_STREAM_URL: rtmp.rtmpBase, POD_HLS_STREAM: rtmp.hlsBase, DEFAULT_BBB_PATH: path.join(base, "published"), BBB_RESOLUTION: "320x180" })
  resetEnvCache()
  env = pipelineEnv(rtmp, { NUMBER_SERVERS: "9", SERVER_NUMBER: String(SERVER), NUMBER_LIVES: "5", STREAMER_BASE_DIR: base })
  driver = createFfmpegDriver({ env })
  await registerSlots(env)
}, 30_000)

afterAll(async () => {
  for (let n = 1; n <= 5; n += 1) await driver.stop(slotLayout(env, SERVER, n))
  await rtmp?.close()
  await closeQueues()
  await rm(base, { recursive: true, force: true })
}, 60_000)

/** A live claimed on the next slot of server 7, then started by the agent's own use case. */
async function runningLive(options: { downloadMeeting?: boolean } = {}) {
  slotCount += 1
  const slot = await db.streamerSlot.findUniqueOrThrow({ where: { serverNumber_slotNumber: { serverNumber: SERVER, slotNumber: slotCount } } })
  const teacher = await seedUser({ role: "TEACHER" })
  const meeting = await seedMeeting({ name: `Cours surveillé ${slotCount}` })
  const live = await db.live.create({
    data: {
      meetingId: meeting.id,
      activeMeetingId: meeting.id,
      requestedById: teacher.id,
      status: "STARTING",
      slotId: slot.id,
      streamKey: newStreamKey(slotCount),
      downloadMeeting: options.downloadMeeting ?? false,
    },
  })
  await db.streamerSlot.update({ where: { id: slot.id }, data: { currentLiveId: live.id } })
  expect(await startStreamer({ liveId: live.id, serverNumber: SERVER, driver })).toBe("started")
  return { live, meeting, slot: slotLayout(env, SERVER, slotCount) }
}

const liveRow = (id: number) => db.live.findUniqueOrThrow({ where: { id }, select: { status: true, failureReason: true, restartCount: true, broadcasterId: true, recordingPath: true } })

async function tick(times: number, gapMs = 700) {
  for (let i = 0; i < times; i += 1) {
    await reconcileSlots({ serverNumber: SERVER, driver })
    await new Promise((r) => setTimeout(r, gapMs))
  }
}

describe("reconcileSlots watching running lives", () => {
  it("keeps a healthy stream on air while its playlist advances", async () => {
    const { live } = await runningLive()
    const broadcaster = await db.broadcaster.findUniqueOrThrow({ where: { id: (await liveRow(live.id)).broadcasterId! } })
    // The page's address is kept on the live, for when the broadcaster goes at the end.
    expect(await db.live.findUniqueOrThrow({ where: { id: live.id }, select: { pageSlug: true } })).toEqual({ pageSlug: broadcaster.slug })
    await waitForPlaylist(broadcaster.hlsUrl)
    await tick(5)
    expect(await liveRow(live.id)).toMatchObject({ status: "RUNNING", restartCount: 0 })
  }, 60_000)

  it("restarts a stalled stream once, then fails it (STREAM_STALLED)", async () => {
    const { live } = await runningLive()
    // The players' HLS origin no longer shows this stream: its playlist never advances.
    const { broadcasterId } = await liveRow(live.id)
    await db.broadcaster.update({ where: { id: broadcasterId! }, data: { hlsUrl: "http://127.0.0.1:9/hls/gone.m3u8" } })
    for (let i = 0; i < 80 && (await liveRow(live.id)).status === "RUNNING"; i += 1) await tick(1, 250)
    expect(await liveRow(live.id)).toMatchObject({ status: "FAILED", failureReason: "STREAM_STALLED", restartCount: 1, broadcasterId: null })
    expect(await db.streamerSlot.count({ where: { currentLiveId: live.id } })).toBe(0)
  }, 60_000)

  it("restarts a streamer that exited once, then fails the live (STREAMER_EXITED)", async () => {
    const { live, slot } = await runningLive()
    await driver.stop(slot) // the streamer dies behind the agent's back
    await tick(1, 0)
    expect(await liveRow(live.id)).toMatchObject({ status: "RUNNING", restartCount: 1 })
    expect(await driver.inspect(slot)).toEqual({ running: true, liveId: live.id })
    await driver.stop(slot)
    await tick(1, 0)
    expect(await liveRow(live.id)).toMatchObject({ status: "FAILED", failureReason: "STREAMER_EXITED" })
  }, 60_000)

  it("publishes this live's recording, not an older file left in the slot, as the requester's draft video", async () => {
    // A stale recording of an earlier live is still in the slot's folder.
    const next = slotLayout(env, SERVER, slotCount + 1)
    await mkdir(recordingsDir(next), { recursive: true })
    await writeFile(path.join(recordingsDir(next), "meeting-20200101080000.mkv"), "stale")
    const { live, meeting, slot } = await runningLive({ downloadMeeting: true })
    await new Promise((r) => setTimeout(r, 3_000)) // three seconds of recording
    await stopLive({ liveId: live.id, reason: "MEETING_ENDED" })
    expect(await stopStreamer({ liveId: live.id, serverNumber: SERVER, driver })).toBe("stopped")
    const row = await liveRow(live.id)
    expect(row).toMatchObject({ status: "STOPPED", recordingPath: path.resolve(base, "published", `${meeting.internalMeetingId}.mkv`) })
    const { size } = await stat(row.recordingPath!)
    expect(size).toBeGreaterThan(10_000)
    expect(await readdir(recordingsDir(slot))).toContain("meeting-20200101080000.mkv")
    expect(await db.draftVideo.findUnique({ where: { liveId: live.id } })).toMatchObject({ ownerId: live.requestedById, title: meeting.name, sourcePath: row.recordingPath, sizeBytes: BigInt(size), origin: "LIVE" })
  }, 60_000)

  it("publishes the recording when the stop is retried after an attempt that moved the file and died", async () => {
    const { live, meeting, slot } = await runningLive({ downloadMeeting: true })
    const recordedBytes = async () => {
      const name = (await readdir(recordingsDir(slot)).catch(() => [] as string[])).find((f) => f.endsWith(".mkv"))
      return name ? (await stat(path.join(recordingsDir(slot), name))).size : 0
    }
    for (let i = 0; i < 200 && (await recordedBytes()) < 20_000; i += 1) await new Promise((r) => setTimeout(r, 100))
    await stopLive({ liveId: live.id, reason: "STOPPED_BY_TEACHER" })
    // The first attempt: streamer stopped, file moved, then the agent died before the database write.
    await driver.stop(slot)
    const live0 = await db.live.findUniqueOrThrow({ where: { id: live.id }, select: { streamerStartedAt: true } })
    const moved = await collectRecording({ dir: recordingsDir(slot), targetDir: env.DEFAULT_BBB_PATH, internalMeetingId: meeting.internalMeetingId, liveId: live.id, window: { from: live0.streamerStartedAt!, to: new Date() }, timeZone: env.TZ })
    expect(moved).not.toBeNull()
    expect(await stopStreamer({ liveId: live.id, serverNumber: SERVER, driver })).toBe("stopped")
    expect(await liveRow(live.id)).toMatchObject({ status: "STOPPED", recordingPath: moved!.path })
    expect(await db.draftVideo.findUnique({ where: { liveId: live.id } })).toMatchObject({ sourcePath: moved!.path, sizeBytes: BigInt(moved!.sizeBytes), origin: "LIVE" })
  }, 60_000)
})
