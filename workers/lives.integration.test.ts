// The live orchestration end to end with real parts: PostgreSQL, Redis, BullMQ workers (two
// orchestrators, two streamer agents on two "servers" of two slots), the ffmpeg driver and a real
// nginx-rtmp. Requests race; lives start, wait, stop when their meeting ends, get cancelled, fail; a
// recorded live's file lands in its teacher's « Mes vidéos ».
import { execFile } from "node:child_process"
import { readdir, rm, stat } from "node:fs/promises"
import path from "node:path"
import { promisify } from "node:util"

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("lives")
  process.env.BBB_NUMBER_MAX_LIVES = "1000"
  process.env.AGENT_TICK_MS = "1000"
  process.env.STREAMER_HLS_STALL_MS = "0"
  // Recorded lives are published under DEFAULT_BBB_PATH: a folder of this run, removed at the end.
  const os = await import("node:os")
  const { mkdtempSync } = await import("node:fs")
  process.env.USE_BBB_LIVE_DOWNLOADING = "true"
  process.env.DEFAULT_BBB_PATH = mkdtempSync(`${os.tmpdir()}/bbb-lives-recordings-`)
})

import { getEnv, resetEnvCache, type Env } from "@/lib/config/env"
import { db } from "@/lib/db"
import { cancelLive } from "@/lib/lives/cancel-live"
import { requestLive } from "@/lib/lives/request-live"
import { enqueueMeetingsEnded } from "@/lib/meetings/jobs"
import { closeQueues } from "@/lib/queues"
import { listMyVideos } from "@/lib/recordings/list-my-videos"
import { locateVideoFile } from "@/lib/recordings/locate-video-file"
import { createFfmpegDriver } from "@/lib/streamers/drivers/ffmpeg-driver"
import { pipelineEnv, startTestRtmp, waitForPlaylist } from "@/lib/streamers/testing/pipeline"

import type { StartedWorker } from "./run-worker"
import { meetingWithTeacher, startAgent, startOrchestrator, waitUntil, type Agent } from "./testing/orchestra"

const options = { isRestricted: false, showChat: true, downloadMeeting: false, enableChat: false }
let rtmp: Awaited<ReturnType<typeof startTestRtmp>>
let env: Env
const agents: Agent[] = []
const orchestrators: StartedWorker[] = []

async function statusOf(liveId: number) {
  return db.live.findUniqueOrThrow({ where: { id: liveId }, select: { status: true, stopReason: true, failureReason: true, slotId: true, broadcasterId: true, endedAt: true } })
}

async function streamerProcesses(): Promise<number> {
  let count = 0
  for (const agent of agents) {
    for (const dir of await readdir(agent.env.STREAMER_BASE_DIR).catch(() => [])) {
      const state = await agent.driver.inspect({ serverNumber: agent.env.SERVER_NUMBER, slotNumber: Number(dir.replace(/\D/g, "")), workdir: path.join(agent.env.STREAMER_BASE_DIR, dir), redisPort: 0, redisChannel: "" })
      if (state.running) count += 1
    }
  }
  return count
}

beforeAll(async () => {
  rtmp = await startTestRtmp()
  env = pipelineEnv(rtmp, { NUMBER_SERVERS: "2", NUMBER_LIVES: "2" })
  Object.assign(process.env, { BBB_STREAM_URL: env.BBB_STREAM_URL, POD_HLS_STREAM: env.POD_HLS_STREAM })
  // This process makes the broadcasters (their HLS URL) from its own settings: read them again, or a
  // module that read them at import time leaves .env's POD_HLS_STREAM (the demo's origin) in force.
  resetEnvCache()
  agents.push(await startAgent(env, 1), await startAgent(env, 2))
  orchestrators.push(...(await startOrchestrator(env)), ...(await startOrchestrator(env)))
}, 60_000)

afterAll(async () => {
  await Promise.allSettled([...orchestrators, ...agents.flatMap((a) => a.workers)].map((w) => w.close()))
  for (const agent of agents) {
    for (const dir of await readdir(agent.env.STREAMER_BASE_DIR).catch(() => [])) {
      await agent.driver.stop({ serverNumber: agent.env.SERVER_NUMBER, slotNumber: 0, workdir: path.join(agent.env.STREAMER_BASE_DIR, dir), redisPort: 0, redisChannel: "" })
    }
  }
  await rtmp?.close()
  await closeQueues()
  await rm(getEnv().DEFAULT_BBB_PATH, { recursive: true, force: true })
}, 60_000)

describe("live orchestration", () => {
  it("runs 100 racing requests on 2 servers × 2 slots: four stream, the rest wait their turn, oldest first", async () => {
    const pairs = await Promise.all(Array.from({ length: 100 }, (_, i) => meetingWithTeacher(`Cours ${i} « spécial » & $x`)))
    const results = await Promise.all(pairs.map(({ teacher, meeting }) => requestLive({ meetingId: meeting.id, ...options }, teacher)))
    expect(results.every((r) => r.created && r.signalled)).toBe(true)
    const ids = results.map((r) => r.liveId)

    await waitUntil("four running lives", async () => (await db.live.count({ where: { id: { in: ids }, status: "RUNNING" } })) === 4, 60_000)
    const lives = await db.live.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, slotId: true, requestedAt: true } })
    const running = lives.filter((l) => l.status === "RUNNING")
    expect(lives.filter((l) => l.status === "REQUESTED")).toHaveLength(96)
    expect(lives.filter((l) => !["RUNNING", "REQUESTED"].includes(l.status))).toEqual([])
    expect(new Set(running.map((l) => l.slotId)).size).toBe(4) // no slot with two lives
    const slots = await db.streamerSlot.findMany({ where: { currentLiveId: { in: ids } }, select: { serverNumber: true, currentLiveId: true } })
    expect(slots.filter((s) => s.serverNumber === 1)).toHaveLength(2) // spread over both servers
    expect(slots.filter((s) => s.serverNumber === 2)).toHaveLength(2)
    expect(await streamerProcesses()).toBe(4) // no live started twice
    // Oldest requests first: the four running ones are among the first requested.
    const order = [...lives].sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime() || a.id - b.id).map((l) => l.id)
    for (const l of running) expect(order.indexOf(l.id)).toBeLessThan(8)

    // Each running live is on air: broadcaster with its HLS URL, playable.
    const onAir = await db.live.findFirstOrThrow({ where: { id: running[0]!.id }, select: { broadcaster: { select: { hlsUrl: true, isOnAir: true, name: true } } } })
    expect(onAir.broadcaster).toMatchObject({ isOnAir: true })
    expect(onAir.broadcaster!.name).toMatch(/^\[BBB\] Cours \d+ « spécial » & \$x$/)
    await waitForPlaylist(onAir.broadcaster!.hlsUrl)

    // Their meetings end: they stop, their broadcasters go, and the next four start.
    await db.meeting.updateMany({ where: { lives: { some: { id: { in: running.map((l) => l.id) } } } }, data: { endedAt: new Date() } })
    const endedMeetingIds = (await db.live.findMany({ where: { id: { in: running.map((l) => l.id) } }, select: { meetingId: true } })).map((l) => l.meetingId)
    await enqueueMeetingsEnded(endedMeetingIds)
    await waitUntil("the first four stopped", async () => (await db.live.count({ where: { id: { in: running.map((l) => l.id) }, status: "STOPPED" } })) === 4, 60_000)
    for (const l of running) expect(await statusOf(l.id)).toMatchObject({ status: "STOPPED", stopReason: "MEETING_ENDED", broadcasterId: null })
    expect(await db.broadcaster.count({ where: { live: { id: { in: running.map((l) => l.id) } } } })).toBe(0)
    await waitUntil("four more running", async () => (await db.live.count({ where: { id: { in: ids }, status: "RUNNING" } })) === 4, 60_000)
    expect(await streamerProcesses()).toBe(4)

    // Clean up: every remaining live's meeting ends; waiting ones are cancelled with that reason.
    await db.meeting.updateMany({ where: { id: { in: pairs.map((p) => p.meeting.id) } }, data: { endedAt: new Date() } })
    await enqueueMeetingsEnded(pairs.map((p) => p.meeting.id))
    await waitUntil("every live ended", async () => (await db.live.count({ where: { id: { in: ids }, activeMeetingId: { not: null } } })) === 0, 90_000)
    expect(await db.live.count({ where: { id: { in: ids }, stopReason: "MEETING_ENDED_BEFORE_START" } })).toBe(92)
    await waitUntil("no streamer left", async () => (await streamerProcesses()) === 0)
    expect(await db.streamerSlot.count({ where: { currentLiveId: { not: null } } })).toBe(0)
  }, 240_000)

  it("starts a request whose job was lost (Redis down when it was made) at the next periodic scan", async () => {
    const { teacher, meeting } = await meetingWithTeacher("Demande sans signal")
    // What requestLive leaves behind when Redis is down: the row, and no job.
    const live = await db.live.create({ data: { meetingId: meeting.id, activeMeetingId: meeting.id, requestedById: teacher.id } })
    await waitUntil("running without any job", async () => (await statusOf(live.id)).status === "RUNNING", 30_000)
    await cancelLive({ liveId: live.id }, teacher)
    await waitUntil("stopped", async () => (await statusOf(live.id)).status === "STOPPED")
  }, 60_000)

  it("holds the cap BBB_NUMBER_MAX_LIVES when claiming slots", async () => {
    process.env.BBB_NUMBER_MAX_LIVES = "1"
    resetEnvCache()
    try {
      const { claimSlots } = await import("@/lib/streamers/claim-slots")
      const { teacher, meeting } = await meetingWithTeacher()
      const first = await requestLive({ meetingId: meeting.id, ...options }, teacher)
      await waitUntil("the live running", async () => (await statusOf(first.liveId)).status === "RUNNING")
      // A live written past the cap (an admin lowered it): it waits, whatever the free slots.
      const other = await meetingWithTeacher()
      const extra = await db.live.create({ data: { meetingId: other.meeting.id, activeMeetingId: other.meeting.id, requestedById: other.teacher.id } })
      expect(await claimSlots()).toEqual([])
      expect((await statusOf(extra.id)).status).toBe("REQUESTED")
      await cancelLive({ liveId: extra.id }, other.teacher)
      await cancelLive({ liveId: first.liveId }, teacher)
      await waitUntil("the live stopped", async () => (await statusOf(first.liveId)).status === "STOPPED")
    } finally {
      process.env.BBB_NUMBER_MAX_LIVES = "1000"
      resetEnvCache()
    }
  }, 60_000)

  it("lets the teacher cancel a running live (a real stop) and refuses strangers", async () => {
    const { teacher, meeting } = await meetingWithTeacher()
    const { liveId } = await requestLive({ meetingId: meeting.id, ...options }, teacher)
    await waitUntil("running", async () => (await statusOf(liveId)).status === "RUNNING")
    const stranger = (await meetingWithTeacher()).teacher
    await expect(cancelLive({ liveId }, stranger)).rejects.toMatchObject({ code: "FORBIDDEN" })
    expect(await cancelLive({ liveId }, teacher)).toMatchObject({ status: "STOPPING", changed: true })
    await waitUntil("stopped", async () => (await statusOf(liveId)).status === "STOPPED")
    expect(await statusOf(liveId)).toMatchObject({ stopReason: "STOPPED_BY_TEACHER", slotId: expect.any(Number), broadcasterId: null })
    await waitUntil("no streamer left", async () => (await streamerProcesses()) === 0)
    expect(await cancelLive({ liveId }, teacher)).toMatchObject({ status: "STOPPED", changed: false }) // idempotent
  }, 60_000)

  it("publishes a recorded live's file in its teacher's « Mes vidéos »: duration, stored size, a playable Matroska the file route serves", async () => {
    const { teacher, meeting } = await meetingWithTeacher("Cours enregistré")
    const { liveId } = await requestLive({ meetingId: meeting.id, ...options, downloadMeeting: true }, teacher)
    await waitUntil("running", async () => (await statusOf(liveId)).status === "RUNNING")
    const { broadcaster } = await db.live.findUniqueOrThrow({ where: { id: liveId }, select: { broadcaster: { select: { hlsUrl: true } } } })
    await waitForPlaylist(broadcaster!.hlsUrl) // a few seconds on air, so on disk too
    await cancelLive({ liveId }, teacher)
    await waitUntil("stopped", async () => (await statusOf(liveId)).status === "STOPPED")

    const { videos } = await listMyVideos(teacher)
    expect(videos).toHaveLength(1)
    const video = videos[0]!
    expect(video).toMatchObject({ title: "Cours enregistré", origin: "LIVE", sharing: "PRIVATE" })
    expect(video.durationSeconds).toBeGreaterThanOrEqual(1)
    const row = await db.draftVideo.findUniqueOrThrow({ where: { id: video.id }, select: { sourcePath: true, sizeBytes: true, liveId: true } })
    expect(row.liveId).toBe(liveId)
    expect(row.sourcePath).toBe(path.resolve(getEnv().DEFAULT_BBB_PATH, `${meeting.internalMeetingId}.mkv`))
    // The size was stored when the file was published, and is the file's.
    expect(video.sizeBytes).toBe((await stat(row.sourcePath)).size)
    expect(Number(row.sizeBytes)).toBe(video.sizeBytes)
    expect(video.sizeBytes).toBeGreaterThan(10_000)
    // ffmpeg was stopped cleanly: the Matroska has its index, a video track and about the live's length.
    const probe = await promisify(execFile)("ffprobe", ["-v", "error", "-show_entries", "format=duration:stream=codec_type", "-of", "json", row.sourcePath])
    const info = JSON.parse(probe.stdout) as { format: { duration: string }; streams: { codec_type: string }[] }
    expect(info.streams.map((s) => s.codec_type).sort()).toEqual(["audio", "video"])
    expect(Number(info.format.duration)).toBeGreaterThan(1)
    expect(Number(info.format.duration)).toBeLessThanOrEqual(video.durationSeconds! + 2)
    // The file route of « Regarder » hands it to the front (X-Accel-Redirect) for its owner only.
    expect(await locateVideoFile(video.shareToken, { id: teacher.id, role: "TEACHER" })).toMatchObject({
      internalPath: `/_bbb_pod_live_files/recordings/${encodeURIComponent(meeting.internalMeetingId)}.mkv`,
      contentType: "video/x-matroska",
    })
    await expect(locateVideoFile(video.shareToken, null)).rejects.toMatchObject({ code: "NOT_FOUND" })
  }, 60_000)

  it("fails a live whose streamer cannot start, with a reason, and frees its slot", async () => {
    // Server 3's agent pushes to an RTMP server that does not answer.
    const broken = await startAgent({ ...env, NUMBER_SERVERS: 3 }, 3, createFfmpegDriver({ env: { ...env, BBB_STREAM_URL: "rtmp://127.0.0.1:9/live/" } }))
    agents.push(broken)
    await db.streamerSlot.updateMany({ where: { serverNumber: { in: [1, 2] } }, data: { isEnabled: false } })
    try {
      const { teacher, meeting } = await meetingWithTeacher()
      const { liveId } = await requestLive({ meetingId: meeting.id, ...options }, teacher)
      await waitUntil("failed", async () => (await statusOf(liveId)).status === "FAILED")
      expect(await statusOf(liveId)).toMatchObject({ failureReason: "STREAMER_FAILED", broadcasterId: null })
      expect(await db.streamerSlot.count({ where: { serverNumber: 3, currentLiveId: { not: null } } })).toBe(0)
      expect(await db.live.findUniqueOrThrow({ where: { id: liveId }, select: { activeMeetingId: true } })).toEqual({ activeMeetingId: null })
    } finally {
      await db.streamerSlot.updateMany({ where: { serverNumber: { in: [1, 2] } }, data: { isEnabled: true } })
      await db.streamerSlot.updateMany({ where: { serverNumber: 3 }, data: { isEnabled: false } })
    }
  }, 60_000)

  it("keeps lives running when BBB is unreachable or answers garbage during syncs", async () => {
    const { runMeetingsSync } = await import("@/lib/meetings/run-meetings-sync")
    const { BbbError } = await import("@/lib/bbb/errors")
    const { getProducerRedis } = await import("@/lib/redis")
    const { teacher, meeting } = await meetingWithTeacher()
    const { liveId } = await requestLive({ meetingId: meeting.id, ...options }, teacher)
    await waitUntil("running", async () => (await statusOf(liveId)).status === "RUNNING")
    for (const kind of ["NETWORK", "MALFORMED_XML"] as const) {
      const source = { getMeetingChunks: async () => Promise.reject(new BbbError({ kind, callName: "getMeetings", message: kind })) }
      await expect(runMeetingsSync({ source, redis: getProducerRedis(), incidentKey: `inc-${liveId}` })).rejects.toMatchObject({ code: "BBB_UNAVAILABLE" })
    }
    await new Promise((r) => setTimeout(r, 2 * getEnv().AGENT_TICK_MS)) // scans and ticks pass
    expect(await statusOf(liveId)).toMatchObject({ status: "RUNNING" })
    await cancelLive({ liveId }, teacher)
    await waitUntil("stopped", async () => (await statusOf(liveId)).status === "STOPPED")
  }, 60_000)
})
