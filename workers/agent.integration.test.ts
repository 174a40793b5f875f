// `npm run agent` as a real process, killed with SIGKILL at the worst moments: mid-start (its ffmpeg
// already spawned, the live not yet RUNNING) and around a stop. After a restart, its reconciliation
// leaves exactly the streamers that should run: no orphan, no second copy, no slot leak.
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync } from "node:fs"
import { mkdtemp, readdir, readlink, readFile, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("agent")
  process.env.BBB_NUMBER_MAX_LIVES = "100"
  process.env.AGENT_TICK_MS = "1000"
})

import type { Env } from "@/lib/config/env"
import { db } from "@/lib/db"
import { requestLive } from "@/lib/lives/request-live"
import { stopLive } from "@/lib/lives/stop-live"
import { closeQueues } from "@/lib/queues"
import { pipelineEnv, startTestRtmp } from "@/lib/streamers/testing/pipeline"

import type { StartedWorker } from "./run-worker"
import { meetingWithTeacher, startOrchestrator, waitUntil } from "./testing/orchestra"

const root = path.resolve(import.meta.dirname, "..")
let rtmp: Awaited<ReturnType<typeof startTestRtmp>>
let env: Env
let baseDir: string
let agent: ChildProcess | null = null
const orchestrators: StartedWorker[] = []
const options = { isRestricted: false, showChat: true, downloadMeeting: false, enableChat: false }

function startAgentProcess(): ChildProcess {
  // node --import tsx (not the tsx launcher, which forks a child): SIGKILL must hit the agent itself.
  const child = spawn(process.execPath, ["--import", "tsx", "workers/agent.ts"], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: "silent",
      STREAMER_DRIVER: "ffmpeg",
      BBB_STREAM_URL: env.BBB_STREAM_URL,
      POD_HLS_STREAM: env.POD_HLS_STREAM,
      BBB_RESOLUTION: env.BBB_RESOLUTION,
      FFMPEG_STREAM_VIDEO_BITRATE: String(env.FFMPEG_STREAM_VIDEO_BITRATE),
      STREAMER_BASE_DIR: baseDir,
      NUMBER_SERVERS: "1",
      SERVER_NUMBER: "1",
      NUMBER_LIVES: "1",
    },
    stdio: "ignore",
  })
  agent = child
  return child
}

async function killAgent(): Promise<void> {
  if (!agent || agent.exitCode !== null) return
  const exited = new Promise((resolve) => agent!.once("exit", resolve))
  agent.kill("SIGKILL")
  await exited
}

/** ffmpeg processes working in the slot's folder (what actually streams). */
async function streamersInSlot(): Promise<number[]> {
  const workdir = path.join(baseDir, "bbb-live-streaming1")
  const found: number[] = []
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => null)
    if (cwd !== workdir) continue
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "")
    if (stat && !/\) [ZX] /.test(stat)) found.push(Number(entry))
  }
  return found
}

async function live(liveId: number) {
  return db.live.findUniqueOrThrow({ where: { id: liveId }, select: { status: true, slotId: true, broadcasterId: true } })
}

beforeAll(async () => {
  rtmp = await startTestRtmp()
  env = pipelineEnv(rtmp)
  baseDir = await mkdtemp(path.join(os.tmpdir(), "bbb-agent-proc-"))
  orchestrators.push(...(await startOrchestrator(env)))
}, 60_000)

afterAll(async () => {
  await killAgent()
  for (const pid of await streamersInSlot()) process.kill(pid, "SIGKILL")
  await Promise.allSettled(orchestrators.map((w) => w.close()))
  await rtmp?.close()
  await closeQueues()
  await rm(baseDir, { recursive: true, force: true })
}, 60_000)

describe("streamer agent killed with SIGKILL", () => {
  it("resumes a live killed mid-start without a second streamer, then stops it after a kill around the stop", async () => {
    startAgentProcess()
    await waitUntil("the agent's slot", async () => (await db.streamerSlot.count({ where: { serverNumber: 1, agentSeenAt: { not: null } } })) > 0, 30_000)
    const { teacher, meeting } = await meetingWithTeacher("Cours tué en plein démarrage")
    const { liveId } = await requestLive({ meetingId: meeting.id, ...options }, teacher)

    // Mid-start: ffmpeg is spawned (its state file is written first), the live is not RUNNING yet.
    const stateFile = path.join(baseDir, "bbb-live-streaming1", "streamer.json")
    await waitUntil("ffmpeg spawned", async () => existsSync(stateFile), 30_000)
    await killAgent()
    expect(["STARTING", "RUNNING"]).toContain((await live(liveId)).status)
    expect(await streamersInSlot()).toHaveLength(1) // it outlived its agent

    startAgentProcess()
    await waitUntil("running after restart", async () => (await live(liveId)).status === "RUNNING", 30_000)
    await new Promise((r) => setTimeout(r, 2_500)) // a few reconciliation ticks
    expect(await streamersInSlot()).toHaveLength(1) // adopted, not started twice

    // Around the stop: the agent dies as the stop is requested.
    await stopLive({ liveId, reason: "STOPPED_BY_ADMIN" })
    await killAgent()
    startAgentProcess()
    await waitUntil("stopped after restart", async () => (await live(liveId)).status === "STOPPED", 30_000)
    expect(await live(liveId)).toMatchObject({ broadcasterId: null })
    await waitUntil("no streamer left", async () => (await streamersInSlot()).length === 0, 15_000)
    expect(await db.streamerSlot.count({ where: { serverNumber: 1, currentLiveId: { not: null } } })).toBe(0)
  }, 120_000)

  it("stops an orphan streamer whose live ended while its agent was dead", async () => {
    await waitUntil("agent up", async () => (await db.streamerSlot.count({ where: { serverNumber: 1, agentSeenAt: { gt: new Date(Date.now() - 3_000) } } })) > 0, 30_000)
    const { teacher, meeting } = await meetingWithTeacher("Cours orphelin")
    const { liveId } = await requestLive({ meetingId: meeting.id, ...options }, teacher)
    await waitUntil("running", async () => (await live(liveId)).status === "RUNNING", 30_000)
    await killAgent()
    // While the agent is dead, the orchestrator gives up on it (a stuck stop is recorded as ended).
    await stopLive({ liveId, reason: "STOPPED_BY_ADMIN" })
    await db.live.update({ where: { id: liveId }, data: { statusChangedAt: new Date(Date.now() - 3_600_000) } })
    await db.streamerSlot.updateMany({ where: { serverNumber: 1 }, data: { agentSeenAt: new Date(Date.now() - 3_600_000) } })
    const { runLivesScan } = await import("@/lib/streamers/run-lives-scan")
    expect((await runLivesScan()).timedOut).toBe(1)
    expect(await live(liveId)).toMatchObject({ status: "STOPPED" })
    expect(await streamersInSlot()).toHaveLength(1) // still streaming: nobody could stop it

    startAgentProcess()
    await waitUntil("orphan stopped", async () => (await streamersInSlot()).length === 0, 30_000)
  }, 120_000)
})
