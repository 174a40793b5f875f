// `npm run worker` as a real process (node --import tsx, not the tsx launcher, which forks) against the
// BBB simulator, a Redis of its own and a database of its own. Redis is stopped and restarted EMPTY,
// PostgreSQL refuses connections for a while: each time the sync resumes by itself, a meeting created
// in BBB during the outage appears, and the log says "down" once and "back" once, without stack traces.
import { spawn, type ChildProcess } from "node:child_process"
import net from "node:net"
import path from "node:path"
import { createInterface } from "node:readline"

import { Queue } from "bullmq"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"

vi.hoisted(async () => {
  const { dedicatedDatabaseUrl } = await import("@/vitest.test-env")
  process.env.DATABASE_URL = dedicatedDatabaseUrl("selfheal")
})

import { db } from "@/lib/db"
import { MEETINGS_SYNC_SCHEDULER_ID } from "@/lib/meetings/jobs"
import { streamerQueue } from "@/lib/queues"
import { agentTickSchedulerId } from "@/lib/lives/streamer-jobs"
import { startBbbSimulator, type BbbSimulator } from "@/tools/bbb-simulator/server"
import { freePort } from "@/tools/nginx/run-nginx"

import { waitUntil } from "./testing/orchestra"

const root = path.resolve(import.meta.dirname, "..")
const SECRET = "selfheal-secret"
let sim: BbbSimulator
let redisPort: number
let redis: ChildProcess | null = null
let worker: ChildProcess | null = null
let agent: ChildProcess | null = null
const agentLines: LogLine[] = []
type LogLine = { level: number; msg: string; dependency?: string; err?: { stack?: string }; stack?: string }
const lines: LogLine[] = []
const redisPrefix = `selfheal-${process.pid}`
const queuePrefix = `${redisPrefix}:bull` // what lib/redis-keys.ts queuePrefix() gives the child processes


async function startRedis(): Promise<void> {
  const child = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  redis = child
  await waitUntil("private Redis", async () => {
    const socket = net.connect(redisPort, "127.0.0.1")
    return new Promise<boolean>((resolve) => {
      socket.once("connect", () => (socket.destroy(), resolve(true)))
      socket.once("error", () => resolve(false))
    })
  })
}

async function stopRedis(): Promise<void> {
  if (!redis || redis.exitCode !== null) return
  const exited = new Promise((resolve) => redis!.once("exit", resolve))
  redis.kill("SIGKILL")
  await exited
}

function startProcess(entry: "workers/main.ts" | "workers/agent.ts", into: LogLine[], extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: "info",
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      REDIS_PREFIX: redisPrefix,
      BBB_SERVER_URL: `${sim.url}/`,
      BBB_SECRET_KEY: SECRET,
      BBB_TIMEOUT_MS: "2000",
      MEETINGS_SYNC_INTERVAL_MS: "1000",
      SELF_HEAL_CHECK_MS: "600000", // the reconnection alone must heal; the watchdog test needs it idle
      OUTAGE_REMINDER_MS: "600000",
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  })
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      try {
        into.push(JSON.parse(line) as LogLine)
      } catch {
        into.push({ level: 60, msg: `(not JSON) ${line}` })
      }
    })
  }
  return child
}

const meetingSynced = (meetingId: string) => waitUntil(`meeting ${meetingId} synced`, () => db.meeting.findFirst({ where: { meetingId, endedAt: null } }), 40_000)
const since = (from: number) => lines.slice(from)
const matching = (from: number, re: RegExp) => since(from).filter((l) => re.test(l.msg))

beforeAll(async () => {
  redisPort = await freePort()
  await startRedis()
  sim = await startBbbSimulator({ port: 0, secret: SECRET })
  sim.state.createMeeting({ meetingID: "heal-a", name: "Avant la panne", attendees: [{ fullName: "Prof A", role: "MODERATOR" }] })
  worker = startProcess("workers/main.ts", lines)
  // A streamer agent too (ffmpeg driver, nothing to stream): its consumer and tick schedule must heal alike.
  agent = startProcess("workers/agent.ts", agentLines, { STREAMER_DRIVER: "ffmpeg", SERVER_NUMBER: "1", NUMBER_SERVERS: "1", NUMBER_LIVES: "1", STREAMER_BASE_DIR: `/tmp/selfheal-agent-${process.pid}` })
  await meetingSynced("heal-a")
  await waitUntil("the agent running", async () => agentLines.some((l) => l.msg === "streamer agent running"))
}, 60_000)

afterAll(async () => {
  for (const child of [worker, agent]) {
    if (!child || child.exitCode !== null) continue
    const exited = new Promise((resolve) => child.once("exit", resolve))
    child.kill("SIGTERM")
    await exited
  }
  await stopRedis()
  await sim?.close()
  await db.$disconnect()
})

describe("npm run worker heals itself", () => {
  it("resumes the sync after Redis restarts empty, with one 'down' and one 'back' line", async () => {
    const from = lines.length
    const agentFrom = agentLines.length
    await stopRedis()
    await new Promise((r) => setTimeout(r, 5_000)) // the worker retries many times meanwhile
    sim.state.createMeeting({ meetingID: "heal-b", name: "Pendant la panne Redis", attendees: [{ fullName: "Prof B", role: "MODERATOR" }] })
    await startRedis()
    await meetingSynced("heal-b")
    expect(matching(from, /^Redis is down/)).toHaveLength(1)
    expect(matching(from, /^Redis is back after \d+ s/)).toHaveLength(1)
    const duringOutage = since(from)
    expect(duringOutage.filter((l) => l.level >= 50)).toEqual([])
    expect(duringOutage.filter((l) => l.err?.stack || l.stack)).toEqual([])
    // The schedule was lost with Redis' data and is back.
    const queue = new Queue("meetings-sync", { connection: { host: "127.0.0.1", port: redisPort }, prefix: queuePrefix })
    expect(await queue.getJobScheduler(MEETINGS_SYNC_SCHEDULER_ID)).toBeTruthy()
    await queue.close()
    // And the consumers consume: a meeting created now appears too.
    sim.state.createMeeting({ meetingID: "heal-c", name: "Après la panne Redis", attendees: [{ fullName: "Prof C", role: "MODERATOR" }] })
    await meetingSynced("heal-c")
    // The agent: one "down", one "back", nothing alarming, and its tick schedule is back.
    await waitUntil("the agent's recovery", async () => agentLines.slice(agentFrom).some((l) => /^Redis is back/.test(l.msg)), 20_000)
    expect(agentLines.slice(agentFrom).filter((l) => /^Redis is down/.test(l.msg))).toHaveLength(1)
    expect(agentLines.slice(agentFrom).filter((l) => /^Redis is back/.test(l.msg))).toHaveLength(1)
    expect(agentLines.slice(agentFrom).filter((l) => l.level >= 50)).toEqual([])
    const streamer = new Queue(streamerQueue(1), { connection: { host: "127.0.0.1", port: redisPort }, prefix: queuePrefix })
    await waitUntil("the agent's tick schedule", async () => Boolean(await streamer.getJobScheduler(agentTickSchedulerId(1))), 20_000)
    await streamer.close()
  }, 90_000)

  it("resumes the sync after PostgreSQL refused connections, with one 'down' and one 'back' line", async () => {
    const from = lines.length
    const dbName = new URL(process.env.DATABASE_URL!).pathname.slice(1)
    const admin = new (await import("pg")).default.Client({ connectionString: Object.assign(new URL(process.env.DATABASE_URL!), { pathname: "/postgres" }).toString() })
    await admin.connect()
    try {
      await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`)
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName])
      sim.state.createMeeting({ meetingID: "heal-d", name: "Pendant la panne PostgreSQL", attendees: [{ fullName: "Prof D", role: "MODERATOR" }] })
      await waitUntil("the outage noticed", async () => matching(from, /^PostgreSQL is down/).length > 0, 20_000)
      await new Promise((r) => setTimeout(r, 3_000))
    } finally {
      await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`)
      await admin.end()
    }
    await meetingSynced("heal-d")
    await waitUntil("the recovery logged", async () => matching(from, /^PostgreSQL is back after \d+ s/).length > 0, 20_000)
    expect(matching(from, /^PostgreSQL is down/)).toHaveLength(1)
    expect(matching(from, /^PostgreSQL is back/)).toHaveLength(1)
    expect(since(from).filter((l) => l.level >= 50)).toEqual([])
    expect(worker!.exitCode).toBeNull()
    expect(agent!.exitCode).toBeNull()
  }, 90_000)

  it("has a watchdog that re-creates a lost schedule, logs it and mails the admins once", async () => {
    const from = lines.length
    const queue = new Queue("meetings-sync", { connection: { host: "127.0.0.1", port: redisPort }, prefix: queuePrefix })
    await queue.removeJobScheduler(MEETINGS_SYNC_SCHEDULER_ID)
    await waitUntil("the watchdog", async () => matching(from, /^no meeting sync ran for .*re-created schedule meetings-sync-every/).length > 0, 30_000)
    expect(await queue.getJobScheduler(MEETINGS_SYNC_SCHEDULER_ID)).toBeTruthy()
    await queue.close()
    sim.state.createMeeting({ meetingID: "heal-e", name: "Après le chien de garde", attendees: [{ fullName: "Prof E", role: "MODERATOR" }] })
    await meetingSynced("heal-e")
    await waitUntil("the resumption logged", async () => matching(from, /^meeting sync runs again/).length > 0, 20_000)
    const mails = since(from).filter((l) => /^mail/.test(l.msg) && JSON.stringify(l).includes("Meeting sync stalled"))
    expect(mails).toHaveLength(1)
  }, 90_000)
})
