// npm run bench:lives — how fast a live goes on air and comes off it (issue "Lives go on air").
//
// Real parts: the BBB simulator, PostgreSQL, Redis, the orchestrator (`npm run worker`, meeting sync at
// its default interval) and a streamer agent (`npm run agent`, ffmpeg driver) as child processes, and a
// real nginx-rtmp. For each live: a teacher's request (the use case the form calls) → streamer started
// (the agent's record of it), → first HLS playlist playable (polled over HTTP), and the meeting ended in
// the simulator → live STOPPED and broadcaster gone. Lives run in waves of NUMBER_LIVES. Figures are
// printed beside their goals; nothing is asserted.
//
// Bounded (a watchdog stops it after 9 minutes), talks only to 127.0.0.1, and never touches dev or test
// data: database bbb_pod_live_bench_lives (dropped and recreated), Redis database 3 (flushed).
//
//   npm run bench:lives [-- --lives 20 --slots 4 --resolution 640x360]
import { chmod, mkdtemp, readdir, readlink, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "node:util"

import { Redis } from "ioredis"

import { bootstrap } from "@/lib/boot/bootstrap"
import { db } from "@/lib/db"
import { requestLive } from "@/lib/lives/request-live"
import { closeQueues } from "@/lib/queues"
import { readHlsProgress } from "@/lib/streamers/read-hls-progress"
import { createUser } from "@/lib/users/create-user"
import { applyMigrations, recreateDatabase } from "@/prisma/migrate"
import { createSimulatorControlClient } from "@/tools/bbb-simulator/control-client"
import { freePort, startRtmpServer } from "@/tools/rtmp/server"

import { killAllChildrenNow, sleep, startTsChild, stopAllChildren } from "./support/child-process"
import { max, median, ms, percentile, table, verdict } from "./support/figures"

const DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/bbb_pod_live_bench_lives"
const REDIS_URL = "redis://127.0.0.1:6379/3"
const SIM_SECRET = "bench-lives-secret"
const GOALS = { startedP95: 3_000, playableP95: 10_000, stoppedP95: 12_000 }
const WATCHDOG_MS = 9 * 60_000

const { values: args } = parseArgs({
  options: {
    lives: { type: "string", default: "20" },
    slots: { type: "string", default: "4" },
    resolution: { type: "string", default: "640x360" },
  },
})
const config = { lives: Number(args.lives), slots: Number(args.slots), resolution: args.resolution! }
if (!Number.isInteger(config.lives) || config.lives < 1 || !Number.isInteger(config.slots) || config.slots < 1) throw new Error("--lives and --slots must be positive integers")

const log = (line: string) => console.log(line)
const watchdog = setTimeout(() => {
  console.error("bench:lives: watchdog (9 minutes) — stopping")
  killAllChildrenNow()
  process.exit(2)
}, WATCHDOG_MS)
process.on("exit", killAllChildrenNow)

const workDir = await mkdtemp(path.join(os.tmpdir(), "bbb-bench-lives-"))
await chmod(workDir, 0o755) // nginx's workers (user nobody when started as root) must reach the HLS folder
const rtmp = await startRtmpServer({ dir: path.join(workDir, "rtmp"), rtmpPort: await freePort(), httpPort: await freePort() })

async function main(): Promise<void> {
  log(`bench:lives — ${config.lives} lives in waves of ${config.slots} (one agent, ${config.slots} slots, ffmpeg driver ${config.resolution}), ${os.cpus().length} CPUs`)
  await recreateDatabase(DATABASE_URL)
  await applyMigrations(DATABASE_URL)
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await redis.connect()
  await redis.flushdb()
  redis.disconnect()

  const simulator = startTsChild({ name: "bbb-simulator", script: "tools/bbb-simulator/server.ts", args: ["--port", "0", "--secret", SIM_SECRET, "--quiet"], env: { ...process.env } })
  const [, simUrl] = await simulator.waitForLine(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000)
  const control = createSimulatorControlClient(simUrl!)

  Object.assign(process.env, {
    LOG_LEVEL: "warn",
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: "bbb-pod-live-bench-lives",
    AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
    BBB_SERVER_URL: `${simUrl}/`,
    BBB_SECRET_KEY: SIM_SECRET,
    BBB_NUMBER_MAX_LIVES: String(config.slots),
    NUMBER_SERVERS: "1",
    SERVER_NUMBER: "1",
    NUMBER_LIVES: String(config.slots),
    STREAMER_DRIVER: "ffmpeg",
    STREAMER_BASE_DIR: path.join(workDir, "streamers"),
    DEFAULT_BBB_PATH: path.join(workDir, "recordings"),
    BBB_STREAM_URL: rtmp.rtmpBase,
    POD_HLS_STREAM: rtmp.hlsBase,
    BBB_RESOLUTION: config.resolution,
    FFMPEG_STREAM_VIDEO_BITRATE: "800",
    USE_BBB_LIVE: "true",
  })
  for (const key of ["MEETINGS_SYNC_INTERVAL_MS", "AGENT_TICK_MS"]) delete process.env[key] // defaults
  // The settings this bench set above, validated (no .env: the bench runs on its own databases).
  await bootstrap("bench:lives", { dotenv: false, services: false })

  const teachers: { id: number }[] = []
  for (let i = 0; i < config.slots; i += 1) {
    teachers.push(await createUser({ email: `bench${i}@example.test`, username: `bench${i}`, firstName: `Prof${i}`, lastName: "Banc", role: "TEACHER", password: `bench-password-${i}` }))
  }
  const worker = startTsChild({ name: "worker", script: "workers/main.ts", env: { ...process.env, LOG_LEVEL: "info" } })
  const agent = startTsChild({ name: "agent", script: "workers/agent.ts", env: { ...process.env, LOG_LEVEL: "info" } })
  await worker.waitForLine(/"msg":"workers running"/, 60_000)
  await agent.waitForLine(/"msg":"streamer agent running"/, 60_000)

  const started: number[] = []
  const playable: number[] = []
  const stopped: number[] = []
  const waves = Math.ceil(config.lives / config.slots)
  for (let wave = 0; wave < waves; wave += 1) {
    const size = Math.min(config.slots, config.lives - wave * config.slots)
    const ids = Array.from({ length: size }, (_, i) => `bench-${wave}-${i}`)
    for (const [i, meetingID] of ids.entries()) {
      await control.createMeeting({ meetingID, name: `Banc ${wave}-${i} « l'amphi »`, attendees: [{ fullName: `Prof${i} Banc`, role: "MODERATOR" }] })
    }
    // The teacher opens the page once the session is known (meeting sync), then submits the form.
    const meetings = await poll(`wave ${wave} synced`, async () => {
      const rows = await db.meeting.findMany({ where: { meetingId: { in: ids }, endedAt: null, attendees: { some: { userId: { not: null } } } }, select: { id: true, meetingId: true } })
      return rows.length === size ? rows : null
    }, 60_000)
    const requests = await Promise.all(
      meetings.map(async (m) => {
        const i = ids.indexOf(m.meetingId)
        const at = Date.now()
        const { liveId } = await requestLive({ meetingId: m.id, isRestricted: false, showChat: true, downloadMeeting: false, enableChat: false }, teachers[i]!)
        return { liveId, at, meetingId: m.meetingId }
      }),
    )
    await Promise.all(
      requests.map(async (r) => {
        const live = await poll(`live ${r.liveId} started`, async () => {
          const row = await db.live.findUniqueOrThrow({ where: { id: r.liveId }, select: { streamerStartedAt: true, status: true, failureReason: true, broadcaster: { select: { hlsUrl: true } } } })
          if (row.status === "FAILED") throw new Error(`live ${r.liveId} failed: ${row.failureReason}`)
          return row.streamerStartedAt && row.broadcaster ? row : null
        }, 60_000)
        started.push(live.streamerStartedAt!.getTime() - r.at)
        await poll(`live ${r.liveId} playable`, async () => ((await readHlsProgress(live.broadcaster!.hlsUrl, 1_000)) ?? 0) > 0, 60_000, 50)
        playable.push(Date.now() - r.at)
      }),
    )
    // Sessions end at a random moment of the sync interval, as in real life.
    await sleep(Math.floor(Math.random() * 10_000))
    const endedAt = Date.now()
    await Promise.all(ids.map((id) => control.endMeeting(id)))
    await Promise.all(
      requests.map(async (r) => {
        await poll(`live ${r.liveId} stopped`, async () => {
          const row = await db.live.findUniqueOrThrow({ where: { id: r.liveId }, select: { status: true, broadcasterId: true } })
          return row.status === "STOPPED" && row.broadcasterId === null
        }, 60_000, 50)
        stopped.push(Date.now() - endedAt)
      }),
    )
    log(`  wave ${wave + 1}/${waves}: ${size} lives started, played and stopped`)
  }

  const rows = [
    ["figure", "p50", "p95", "max", "goal (p95)", ""],
    ["form submit → streamer started", ms(median(started)), ms(percentile(started, 95)), ms(max(started)), ms(GOALS.startedP95), verdict(percentile(started, 95), GOALS.startedP95)],
    ["form submit → HLS playlist playable", ms(median(playable)), ms(percentile(playable, 95)), ms(max(playable)), ms(GOALS.playableP95), verdict(percentile(playable, 95), GOALS.playableP95)],
    ["meeting ended → live STOPPED, broadcaster gone", ms(median(stopped)), ms(percentile(stopped, 95)), ms(max(stopped)), ms(GOALS.stoppedP95), verdict(percentile(stopped, 95), GOALS.stoppedP95)],
  ]
  log(`\n${started.length} lives (the original: up to 60 s to start, a cron every minute; up to 2 min to stop)\n`)
  log(table(rows))
  await Promise.all([worker.stop(), agent.stop(), simulator.stop()])
  await closeQueues()
  await db.$disconnect()
}

async function poll<T>(what: string, probe: () => Promise<T | null | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`)
    await sleep(everyMs)
  }
}

/** Streamers outlive their agent by design: stop the bench's ones whatever happened. */
async function killBenchStreamers(): Promise<void> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => "")
    if (cwd.startsWith(workDir)) {
      try {
        process.kill(Number(entry), "SIGKILL")
      } catch {
        // gone
      }
    }
  }
}

let code = 0
try {
  await main()
} catch (error) {
  console.error(`bench:lives failed: ${(error as Error).message}`)
  code = 1
} finally {
  await stopAllChildren()
  await killBenchStreamers()
  await rtmp.close()
  await rm(workDir, { recursive: true, force: true })
  clearTimeout(watchdog)
}
process.exit(code)
