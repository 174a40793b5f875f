// npm run bench:chat-fanout — the live page's chat under an audience (issue 9): V viewers hold the
// live's server-sent event stream open while signed-in students POST R messages per second for D
// seconds; every viewer must receive every message. Prints p50/p95/p99/max send → receive (from just
// before the POST to the frame's arrival at each viewer), messages lost, the POST latency, and the
// app process's memory (RSS of the process tree of `npm start`, i.e. server.ts, sampled every second). Figures beside
// goals; nothing is asserted.
// Moderation (issue 24): while the messages flow, a moderator (an admin) hides one just sent every
// HIDE_EVERY_SECONDS; the figure is hide POST → the `hidden` frame at each viewer (goal p99 ≤ 1 s).
//
// Real parts: the production build (`npx next build` first) served by `npm start` (server.ts), PostgreSQL,
// Redis (the fan-out goes through Redis pub/sub), the redis relay with a subscribed chat bot on a
// private redis-server (every message is relayed, as on air). The viewers and senders run in this
// process: at 2,000 streams × 20 messages/s it parses 40,000 frames/s itself, so on a busy 2-core
// machine part of the latency measured is the bench's own.
//
// Own data only: database bbb_pod_live_bench_chat (recreated), Redis database 3 (flushed), ports
// picked free on 127.0.0.1. A watchdog stops it after 9 minutes.
//
//   npm run bench:chat-fanout [-- --viewers 2000 --rate 20 --duration 60]
//
// bench/live-page.ts calls runChatFanoutBench() with the same defaults.
import { spawn } from "node:child_process"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import http from "node:http"
import os from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { parseArgs } from "node:util"

import { Redis } from "ioredis"

import { bootstrap } from "@/lib/boot/bootstrap"
import { db } from "@/lib/db"
import { applyMigrations, recreateDatabase } from "@/prisma/migrate"
import { seedUser, seedViewableLive } from "@/prisma/seed/factories"
import { freePort } from "@/tools/rtmp/server"

import { killAllChildrenNow, REPO_ROOT, sleep, startTsChild, stopAllChildren } from "./support/child-process"
import { count, ms, percentile, table, verdict } from "./support/figures"

const DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/bbb_pod_live_bench_chat"
const REDIS_URL = "redis://127.0.0.1:6379/3"
const GOAL_P99_MS = 1_000
const WATCHDOG_MS = 9 * 60_000
/** After the last message, how long stragglers may still arrive (or POSTs answer) before they count as lost. */
const DRAIN_MS = 20_000
const SENDERS = 10
const PASSWORD = "bench-chat-password"
const HIDE_EVERY_SECONDS = 2

export type ChatFanoutOptions = { viewers?: number; ratePerSecond?: number; durationSeconds?: number; log?: (line: string) => void }

export type ChatFanoutFigures = {
  viewers: number
  connected: number
  messagesSent: number
  messagesRefused: number
  deliveries: number
  expectedDeliveries: number
  latencyMs: { p50: number; p95: number; p99: number; max: number }
  postMs: { p50: number; p99: number }
  rssMb: { idle: number; connected: number; peak: number }
  /** CPU seconds the app used while messages were sent and delivered, and over how many wall seconds. */
  appCpu: { seconds: number; wallSeconds: number }
  messagesStored: number
  loadAverage: { before: number[]; after: number[] }
  /** Hides made by a moderator while messages flowed, and how fast each reached every viewer. */
  hide: { sent: number; deliveries: number; expectedDeliveries: number; latencyMs: { p50: number; p99: number; max: number } }
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
function treeRssMb(rootPid: number): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0
  const queue = [rootPid]
  while (queue.length > 0) {
    const pid = queue.pop()!
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))
      kb += Number(match?.[1] ?? 0)
    } catch {
      // gone meanwhile
    }
    queue.push(...(children.get(pid) ?? []))
  }
  return kb / 1024
}

/** CPU time (user + system) of a process and its descendants so far, in seconds (Linux /proc). */
function treeCpuSeconds(rootPid: number): number {
  const ticks = 100 // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      stats.set(Number(entry), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / ticks })
    } catch {
      // gone meanwhile
    }
  }
  let total = 0
  const queue = [rootPid]
  while (queue.length > 0) {
    const pid = queue.pop()!
    total += stats.get(pid)?.cpu ?? 0
    for (const [child, info] of stats) if (info.ppid === pid) queue.push(child)
  }
  return total
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session. */
async function signIn(baseUrl: string, username: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`)
  const csrfCookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.join("; "), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, username, password: PASSWORD, json: "true" }),
  })
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("next-auth.session-token"))
  if (!session) throw new Error(`sign-in of ${username} failed (HTTP ${response.status})`)
  return session
}

type Viewer = { request: http.ClientRequest }

/** One viewer: the live's event stream, every `chat` and `hidden` frame timed on arrival. */
function openViewer(baseUrl: string, slug: string, onChat: (seq: number, at: number) => void, onHidden: (messageId: number, at: number) => void): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${baseUrl}/api/lives/${slug}/events`, { agent: false, headers: { accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`events: HTTP ${response.statusCode}`))
      response.setEncoding("utf8")
      let buffer = ""
      response.on("data", (chunk: string) => {
        const at = performance.now()
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (frame.startsWith("event: hidden")) {
            const id = /"id":(\d+)/.exec(frame)?.[1]
            if (id !== undefined) onHidden(Number(id), at)
            continue
          }
          if (!frame.startsWith("event: chat")) continue
          const seq = /"body":"bench (\d+)"/.exec(frame)?.[1]
          if (seq !== undefined) onChat(Number(seq), at)
        }
      })
      resolve({ request })
    })
    request.on("error", reject)
  })
}

export async function runChatFanoutBench(options: ChatFanoutOptions = {}): Promise<ChatFanoutFigures> {
  const viewers = options.viewers ?? 2_000
  const rate = options.ratePerSecond ?? 20
  const duration = options.durationSeconds ?? 60
  const log = options.log ?? ((line: string) => console.log(line))
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first")

  const loadBefore = os.loadavg()
  log(`bench:chat-fanout — ${count(viewers)} viewers, ${rate} messages/s for ${duration} s, ${os.cpus().length} CPUs, load average ${loadBefore.map((l) => l.toFixed(2)).join(" ")}`)

  // Own database and Redis database; a private redis-server as the slot's chat redis, with its bot.
  await recreateDatabase(DATABASE_URL)
  await applyMigrations(DATABASE_URL)
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 })
  await redis.flushdb()
  const slotPort = await freePort()
  const slotRedis = spawn("redis-server", ["--port", String(slotPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" })
  // Stopped however the bench ends (normal end, failure, watchdog's process.exit).
  const stopSlotRedis = () => slotRedis.kill()
  process.once("exit", stopSlotRedis)
  await sleep(300)
  const bot = new Redis({ host: "127.0.0.1", port: slotPort })
  let relayed = 0
  bot.on("pmessage", () => relayed++)
  await bot.psubscribe("chat-bench")

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    PORT: String(port),
    LOG_LEVEL: "warn",
    DATABASE_URL,
    REDIS_URL,
    APP_URL: baseUrl,
    NEXTAUTH_URL: baseUrl,
    AUTH_SECRET: "bench-chat-secret-bench-chat-secret-0123",
    BBB_SERVER_URL: "http://127.0.0.1:9/",
    BBB_SECRET_KEY: "bench",
    CHAT_RELAY: "redis",
    // Ten senders share 20 messages/s: the allowance is raised so that the limiter is measured, not hit.
    CHAT_RATE_LIMIT_MESSAGES: "1000",
    NEXT_TELEMETRY_DISABLED: "1",
  }

  // Seed: a running public live with chat, its slot redis the private one; the senders' accounts.
  Object.assign(process.env, { DATABASE_URL, REDIS_URL, LOG_LEVEL: "silent", AUTH_SECRET: env.AUTH_SECRET, BBB_SERVER_URL: env.BBB_SERVER_URL, BBB_SECRET_KEY: env.BBB_SECRET_KEY })
  // The settings this bench set above, validated (no .env: the bench runs on its own databases).
  await bootstrap("bench:chat-fanout", { dotenv: false, services: false })
  const { broadcaster } = await seedViewableLive({ enableChat: true, redis: { host: "127.0.0.1", port: slotPort, channel: "chat-bench" } })
  const senders = await Promise.all(Array.from({ length: SENDERS }, () => seedUser({ password: PASSWORD })))
  const moderator = await seedUser({ role: "ADMIN", password: PASSWORD })
  await db.$disconnect()

  const server = startTsChild({ name: "app", script: "server.ts", args: ["-p", String(port), "-H", "127.0.0.1"], env, profile: true })
  await server.waitForLine(/ready on/i, 60_000)
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${baseUrl}/api/health/live`).catch(() => null))?.ok) break
    await sleep(200)
  }
  const serverPid = server.process.pid!
  const cookies = await Promise.all(senders.map((s) => signIn(baseUrl, s.username)))
  const moderatorCookie = await signIn(baseUrl, moderator.username)
  const rssIdle = treeRssMb(serverPid)

  // The audience, opened in batches.
  const total = rate * duration
  const sentAt = new Float64Array(total).fill(Number.NaN)
  const latencies: number[] = []
  let deliveries = 0
  const hideStartedAt = new Map<number, number>()
  const hideLatencies: number[] = []
  let hideDeliveries = 0
  const hides: Promise<void>[] = []
  const open: Viewer[] = []
  for (let i = 0; i < viewers; i += 100) {
    const batch = await Promise.allSettled(
      Array.from({ length: Math.min(100, viewers - i) }, () =>
        openViewer(baseUrl, broadcaster.slug, (seq, at) => {
          deliveries++
          const start = sentAt[seq]
          if (start !== undefined && !Number.isNaN(start)) latencies.push(at - start)
        }, (messageId, at) => {
          hideDeliveries++
          const start = hideStartedAt.get(messageId)
          if (start !== undefined) hideLatencies.push(at - start)
        }),
      ),
    )
    for (const result of batch) if (result.status === "fulfilled") open.push(result.value)
  }
  log(`${count(open.length)} of ${count(viewers)} viewers connected`)
  await sleep(2_000)
  const rssConnected = treeRssMb(serverPid)
  let sendingMs = 0
  let rssPeak = rssConnected
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRssMb(serverPid))), 1_000)

  // Warm-up, not measured (like autocannon's warm-up of bench:live-page): each account sends one
  // message, so that the chat route's code is loaded and compiled before the clock starts.
  const warmUps = SENDERS
  for (let i = 0; i < warmUps; i++) {
    const response = await fetch(`${baseUrl}/api/lives/${broadcaster.slug}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies[i % SENDERS]!, origin: baseUrl },
      body: JSON.stringify({ body: `warm-up ${i}` }),
    })
    if (!response.ok) throw new Error(`warm-up message refused: HTTP ${response.status} ${await response.text()}`)
  }
  await sleep(1_000)
  relayed = 0

  // The senders: one message every 1/rate s, round robin over the accounts.
  const posts: number[] = []
  let refused = 0
  let timedOut = 0
  const sends: Promise<void>[] = []
  const cpuAtStart = treeCpuSeconds(serverPid)
  const started = performance.now()
  const progress = setInterval(() => {
    const seconds = Math.round((performance.now() - started) / 1000)
    log(`  ${seconds} s: ${count(sends.length)} sent, ${count(posts.length)} answered, ${count(deliveries)} deliveries, p99 so far ${ms(percentile(latencies, 99))}`)
  }, 10_000)
  const hide = async (messageId: number) => {
    hideStartedAt.set(messageId, performance.now())
    const response = await fetch(`${baseUrl}/api/lives/${broadcaster.slug}/chat/moderation`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: moderatorCookie, origin: baseUrl },
      body: JSON.stringify({ action: "hide", messageId }),
    }).catch(() => null)
    if (!response?.ok) hideStartedAt.delete(messageId)
    await response?.arrayBuffer()
  }
  for (let seq = 0; seq < total; seq++) {
    const due = started + (seq * 1_000) / rate
    const wait = due - performance.now()
    if (wait > 0) await sleep(wait)
    sentAt[seq] = performance.now()
    const t0 = sentAt[seq]!
    sends.push(
      fetch(`${baseUrl}/api/lives/${broadcaster.slug}/chat`, {
        method: "POST",
        signal: AbortSignal.timeout(duration * 1_000 + DRAIN_MS),
        headers: { "content-type": "application/json", cookie: cookies[seq % SENDERS]!, origin: baseUrl },
        body: JSON.stringify({ body: `bench ${seq}` }),
      })
        .then(async (response) => {
          const answer = (await response.json().catch(() => null)) as { message?: { id: number } } | null
          posts.push(performance.now() - t0)
          if (!response.ok) refused++
          // A moderator hides one message every HIDE_EVERY_SECONDS, while the others keep flowing.
          if (answer?.message && seq > 0 && seq % (rate * HIDE_EVERY_SECONDS) === 0) hides.push(hide(answer.message.id))
        })
        .catch(() => {
          timedOut++
        }),
    )
  }
  sendingMs = performance.now() - started
  await Promise.all(sends)
  await Promise.all(hides)
  // Stragglers: wait until every expected frame arrived, or DRAIN_MS after the last POST answered.
  const drainUntil = performance.now() + DRAIN_MS
  while ((deliveries < (total - refused) * open.length || hideDeliveries < hideStartedAt.size * open.length) && performance.now() < drainUntil) await sleep(250)
  clearInterval(progress)
  clearInterval(sampler)
  const appCpu = { seconds: treeCpuSeconds(serverPid) - cpuAtStart, wallSeconds: (performance.now() - started) / 1000 }
  // Messages the app stored (a POST the bench gave up on may still have been handled): each is owed to every viewer.
  const pg = await import("pg")
  const client = new pg.default.Client({ connectionString: DATABASE_URL })
  await client.connect()
  const stored = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM chat_messages")).rows[0]!.n) - warmUps
  await client.end()
  const loadAfter = os.loadavg()

  for (const viewer of open) viewer.request.destroy()
  await server.stop()
  bot.disconnect()
  stopSlotRedis()
  process.off("exit", stopSlotRedis)
  redis.disconnect()

  const figures: ChatFanoutFigures = {
    viewers,
    connected: open.length,
    messagesSent: total,
    messagesRefused: refused + timedOut,
    messagesStored: stored,
    deliveries,
    expectedDeliveries: stored * open.length,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY) },
    postMs: { p50: percentile(posts, 50), p99: percentile(posts, 99) },
    rssMb: { idle: rssIdle, connected: rssConnected, peak: rssPeak },
    appCpu,
    loadAverage: { before: loadBefore, after: loadAfter },
    hide: {
      sent: hideStartedAt.size,
      deliveries: hideDeliveries,
      expectedDeliveries: hideStartedAt.size * open.length,
      latencyMs: { p50: percentile(hideLatencies, 50), p99: percentile(hideLatencies, 99), max: hideLatencies.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY) },
    },
  }
  const mb = (value: number) => `${Math.round(value)} MB`
  log("")
  log(
    table([
      ["measure", "value", "goal", ""],
      ["send → receive p50", ms(figures.latencyMs.p50), "", ""],
      ["send → receive p95", ms(figures.latencyMs.p95), "", ""],
      ["send → receive p99", ms(figures.latencyMs.p99), ms(GOAL_P99_MS), verdict(figures.latencyMs.p99, GOAL_P99_MS)],
      ["send → receive max", ms(figures.latencyMs.max), "", ""],
      [`moderator's hide → every viewer p50 (${count(figures.hide.sent)} hides)`, ms(figures.hide.latencyMs.p50), "", ""],
      ["moderator's hide → every viewer p99", ms(figures.hide.latencyMs.p99), ms(GOAL_P99_MS), verdict(figures.hide.latencyMs.p99, GOAL_P99_MS)],
      ["hides received", `${count(figures.hide.deliveries)} of ${count(figures.hide.expectedDeliveries)} owed`, "all", figures.hide.deliveries >= figures.hide.expectedDeliveries ? "PASS" : "LATE"],
      ["POST p50 / p99", `${ms(figures.postMs.p50)} / ${ms(figures.postMs.p99)}`, "", ""],
      // Owed: every stored message to every viewer; frames still queued when the drain ends count as late.
      ["deliveries by the end of the run", `${count(deliveries)} of ${count(figures.expectedDeliveries)} owed`, "all", deliveries >= figures.expectedDeliveries ? "PASS" : "LATE"],
      ["POSTs refused / timed out (bench gave up)", `${count(refused)} / ${count(timedOut)}`, "0", ""],
      ["messages stored", count(stored), count(total), ""],
      ["sending took", ms(sendingMs), ms(duration * 1_000), ""],
      ["relayed to the bot", count(relayed), count(stored), ""],
      ["app CPU while sending and draining", `${appCpu.seconds.toFixed(1)} s in ${appCpu.wallSeconds.toFixed(1)} s`, "", ""],
      ["app RSS idle / connected / peak", `${mb(rssIdle)} / ${mb(rssConnected)} / ${mb(rssPeak)}`, "", ""],
      ["load average before → after", `${loadBefore[0]!.toFixed(2)} → ${loadAfter[0]!.toFixed(2)}`, "", ""],
    ]),
  )
  return figures
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { viewers: { type: "string", default: "2000" }, rate: { type: "string", default: "20" }, duration: { type: "string", default: "60" } } })
  const watchdog = setTimeout(() => {
    console.error("bench:chat-fanout: watchdog (6 minutes) — stopping")
    killAllChildrenNow()
    process.exit(2)
  }, WATCHDOG_MS)
  process.on("exit", killAllChildrenNow)
  runChatFanoutBench({ viewers: Number(values.viewers), ratePerSecond: Number(values.rate), durationSeconds: Number(values.duration) })
    .then(async () => {
      clearTimeout(watchdog)
      await stopAllChildren()
      process.exit(0)
    })
    .catch(async (error: unknown) => {
      console.error(error)
      await stopAllChildren()
      process.exit(1)
    })
}
