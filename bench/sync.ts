// npm run bench:sync — performance of the meeting sync (issue "Meeting sync and moderator matching").
//
// Seeds 100,000 users into a dedicated database, starts the BBB simulator with 1,000 running meetings × 50
// attendees, and prints: first sync (cold: empty tables), steady-state sync (nothing changed, then ~10
// meetings churned), matching time, the floor (a plain set-based SQL bulk upsert of the same rows, same
// run) with the first-sync/floor ratio, and the delay from "meeting created in the simulator" to "visible
// in the database" with the real worker at its default interval (poll only), then the same delay with
// bbb-webhooks (the simulator POSTs signed callbacks, the route's use case triggers a refresh) and for a
// teacher who opens the page after the creation (one requestMeetingsRefresh(), no webhooks). Figures are
// printed beside their targets; a figure above its target is reported, not failed: the exit code is
// non-zero only when the bench breaks.
//
// Bounded (a watchdog stops it after 9 minutes), talks only to 127.0.0.1, and never touches dev or test
// data: database bbb_pod_live_bench (dropped and recreated) and Redis database 3 (flushed).
//
//   npm run bench:sync [-- --meetings 1000 --attendees 50 --users 100000 --delay-samples 30 --delay-seed N
//                          --refresh-window 60 --no-refresh --no-delay]
import { createHash } from "node:crypto"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import { parseArgs } from "node:util"

import { Redis } from "ioredis"
import pg from "pg"

import { handleWebhookCallback } from "@/lib/bbb-webhooks/handle-webhook-callback"
import { createBbbClient } from "@/lib/bbb/client"
import { parseMeetingChunks } from "@/lib/bbb/parse-meetings"
import type { MeetingChunk } from "@/lib/bbb/schemas"
import { bootstrap } from "@/lib/boot/bootstrap"
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { isAppError } from "@/lib/errors"
import { matchAttendees, matchNewModerators } from "@/lib/meetings/match-attendees"
import { rematchUser } from "@/lib/meetings/rematch-user"
import { requestMeetingsRefresh } from "@/lib/meetings/request-meetings-refresh"
import type { SyncStats } from "@/lib/meetings/sync-meetings"
import { syncMeetings } from "@/lib/meetings/sync-meetings"
import { closeQueues } from "@/lib/queues"
import { getProducerRedis } from "@/lib/redis"
import { applyMigrations, recreateDatabase } from "@/prisma/migrate"
import { createSimulatorControlClient } from "@/tools/bbb-simulator/control-client"
import { createRandom } from "@/tools/bbb-simulator/names"

import { killAllChildrenNow, startTsChild, stopAllChildren, sleep } from "./support/child-process"
import { count, max, median, ms, percentile, seconds, table, timed, verdict } from "./support/figures"
import { floorRows, floorUpsert } from "./support/floor-upsert"
import { seedUsers, simulatorNameUniverse } from "./support/seed-users"

const DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/bbb_pod_live_bench"
const REDIS_URL = "redis://127.0.0.1:6379/3"
const SIM_SECRET = "bench-simulator-secret"
const TARGETS = { firstSyncMs: 2_000, steadyMs: 1_000, floorRatio: 3, delayP95Ms: 10_000, webhookP95Ms: 2_000, pageP95Ms: 3_000 }
const WATCHDOG_MS = 9 * 60_000
const POLL_MS = 100

const { values: args } = parseArgs({
  options: {
    meetings: { type: "string", default: "1000" },
    attendees: { type: "string", default: "50" },
    moderators: { type: "string", default: "2" },
    users: { type: "string", default: "100000" },
    "cold-runs": { type: "string", default: "3" },
    "steady-runs": { type: "string", default: "5" },
    churn: { type: "string", default: "10" },
    "delay-samples": { type: "string", default: "30" },
    "delay-window": { type: "string", default: "80" },
    "delay-seed": { type: "string" },
    "refresh-window": { type: "string", default: "60" },
    "no-refresh": { type: "boolean", default: false },
    "no-delay": { type: "boolean", default: false },
  },
})
const positive = (name: keyof typeof args) => {
  const value = Number(args[name])
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`)
  return value
}
const config = {
  meetings: positive("meetings"),
  attendees: positive("attendees"),
  moderators: positive("moderators"),
  users: positive("users"),
  coldRuns: positive("cold-runs"),
  steadyRuns: positive("steady-runs"),
  churn: positive("churn"),
  delaySamples: positive("delay-samples"),
  delayWindowMs: positive("delay-window") * 1000,
  delaySeed: args["delay-seed"] === undefined ? undefined : Number(args["delay-seed"]),
  refreshWindowMs: positive("refresh-window") * 1000,
  delay: !args["no-delay"],
  refresh: !args["no-delay"] && !args["no-refresh"],
}

type SyncRun = { wallMs: number; stats: SyncStats; cpuMs: number; peakRssMb: number }

const log = (line = "") => console.log(line)
const loadAverage = () => os.loadavg().map((v) => v.toFixed(2)).join(" / ") + " (1 / 5 / 15 min)"

async function main(): Promise<void> {
  const started = performance.now()
  log(`bench:sync — ${new Date().toISOString()}`)
  log(
    `machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? "?"}), ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`,
  )
  log(`load average before the bench: ${loadAverage()} (other processes on the machine skew the figures)`)
  log(`load: ${count(config.meetings)} meetings × ${config.attendees} attendees (${config.moderators} moderators each), ${count(config.users)} users`)
  log()

  // ---------------------------------------------------------------- database, users, Redis
  const setup = await timed(async () => {
    await recreateDatabase(DATABASE_URL)
    await applyMigrations(DATABASE_URL)
  })
  log(`database ${new URL(DATABASE_URL).pathname.slice(1)} recreated and migrated in ${ms(setup.ms)}`)
  const pgClient = new pg.Client({ connectionString: DATABASE_URL })
  await pgClient.connect()
  const { rows: version } = await pgClient.query<{ server_version: string }>("SHOW server_version")
  const seeded = await timed(() => seedUsers(pgClient, config.users))
  await pgClient.query("ANALYZE users")
  log(
    `seeded ${count(seeded.result.users)} users in ${ms(seeded.ms)} (PostgreSQL ${version[0]?.server_version}); simulator names: ` +
      `${seeded.result.namesWithOneAccount} with one account, ${seeded.result.namesWithNamesakes} with namesakes, ` +
      `${seeded.result.namesWithoutAccount} with none`,
  )
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await redis.connect()
  await redis.flushdb() // database 3 belongs to the benches: old schedulers and jobs go

  // ---------------------------------------------------------------- simulator
  const simulator = startTsChild({
    name: "bbb-simulator",
    script: "tools/bbb-simulator/server.ts",
    args: ["--port", "0", "--secret", SIM_SECRET, "--quiet"],
    env: { ...process.env },
  })
  const [, simUrl] = await simulator.waitForLine(/listening on (http:\/\/127\.0\.0\.1:\d+)/, 60_000)
  const control = createSimulatorControlClient(simUrl!, { timeoutMs: 120_000 })
  const load = await timed(() =>
    control.generateLoad({ meetings: config.meetings, attendeesPerMeeting: config.attendees, moderatorsPerMeeting: config.moderators, seed: 1 }),
  )
  log(`simulator at ${simUrl}: ${count(load.result.created)} running meetings generated in ${ms(load.ms)}`)

  // ---------------------------------------------------------------- webhook receiver
  // The app's route (app/api/bbb/webhooks/route.ts) only hands the raw body and the URL's checksum to
  // handleWebhookCallback(): the bench hosts that same use case behind a tiny node:http server (no
  // Next.js build needed). It answers like the route: 200, or 401/400/404 with the error code.
  let onCallback: ((checksum: string | null, rawBody: string) => Promise<number>) | undefined
  let receiver: Server | undefined
  let callbackUrl = ""
  if (config.refresh) {
    const server = createServer((req, res) => {
      let rawBody = ""
      req.setEncoding("utf8")
      req.on("data", (chunk: string) => (rawBody += chunk))
      req.on("end", () => {
        const checksum = new URL(req.url ?? "/", "http://receiver").searchParams.get("checksum")
        const handling = onCallback ? onCallback(checksum, rawBody) : Promise.resolve(503)
        void handling.then((status) => res.writeHead(status).end())
      })
    })
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    receiver = server
    callbackUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/bbb/webhooks`
  }

  // ---------------------------------------------------------------- application modules (env first)
  Object.assign(process.env, {
    // This process hosts the webhook receiver: it reads the servers and the callback URL like the app.
    // Workers get them only in the webhook part (BBB_WEBHOOKS_SERVERS empty = off elsewhere).
    BBB_WEBHOOKS_SERVERS: config.refresh ? `${simUrl}/|${SIM_SECRET}` : "",
    BBB_WEBHOOKS_CALLBACK_URL: callbackUrl,
    REDIS_PREFIX: "bbb-pod-live-bench-sync", // the same namespace for this process (page refreshes, callbacks) and the workers
    LOG_LEVEL: "warn",
    DATABASE_URL,
    REDIS_URL,
    AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
    BBB_SERVER_URL: `${simUrl}/`,
    BBB_SECRET_KEY: SIM_SECRET,
    BBB_CHECKSUM_ALGORITHM: "sha1",
    BBB_USERNAME_FORMAT: "first_name last_name",
    // The simulator's first rendering of a 93 MB answer (10,000 × 30) outlasts the default 10 s on a busy machine.
    BBB_TIMEOUT_MS: "120000",
  })
  delete process.env.MEETINGS_SYNC_INTERVAL_MS
  // The settings this bench set above, validated (no .env: the bench runs on its own databases).
  await bootstrap("bench:sync", { dotenv: false, services: false })
  const env = getEnv()
  const bbb = createBbbClient({ serverUrl: env.BBB_SERVER_URL, secret: env.BBB_SECRET_KEY, checksumAlgorithm: env.BBB_CHECKSUM_ALGORITHM, timeoutMs: env.BBB_TIMEOUT_MS })

  // The simulator builds its getMeetings body lazily: build it once so that the first timed fetch measures
  // the transfer, not the simulator's own first rendering (a real BBB has its own, unrelated cost).
  const warm = await timed(() => bbb.getMeetingChunks())
  const bodyBytes = warm.result.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.xml), 0)
  log(`getMeetings answer: ${(bodyBytes / 1e6).toFixed(1)} MB of <meeting> XML (simulator warm-up fetch ${ms(warm.ms)})`)
  log()

  const truncate = () => pgClient.query("TRUNCATE meetings, attendees RESTART IDENTITY CASCADE")
  async function runSync(label: string): Promise<SyncRun> {
    // This process runs the sync as the worker would: its CPU time (user + system) and its peak RSS,
    // sampled every 20 ms, during the sync (PostgreSQL's own CPU is not counted).
    let peakRss = process.memoryUsage.rss()
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20)
    const cpuBefore = process.cpuUsage()
    const { result, ms: wallMs } = await timed(() => syncMeetings({ source: bbb })).finally(() => clearInterval(sampler))
    const cpu = process.cpuUsage(cpuBefore)
    const cpuMs = (cpu.user + cpu.system) / 1000
    const peakRssMb = Math.max(peakRss, process.memoryUsage.rss()) / 2 ** 20
    if (result.skipped) throw new Error(`${label}: skipped, another sync holds the lock`)
    const t = result.timings
    log(
      `  ${label.padEnd(22)} ${ms(wallMs).padStart(9)}  (fetch+split ${Math.round(t.fetchMs)} · parse ${Math.round(t.parseMs)} · ` +
        `write+match ${Math.round(t.writeMs)} · commit ${Math.round(wallMs - t.totalMs)})  changed ${count(result.changed)}, ` +
        `unchanged ${count(result.unchanged)}, attendees written ${count(result.attendeesWritten)}, matches ${count(result.matchesChanged)}; ` +
        `CPU ${ms(cpuMs)}, peak RSS ${Math.round(peakRssMb)} MB`,
    )
    return { wallMs, stats: result, cpuMs, peakRssMb }
  }

  // ---------------------------------------------------------------- first sync (cold) and the floor
  log("first sync, cold (empty meetings and attendees tables):")
  const cold: SyncRun[] = [await runSync("first sync #1")] // #1 also runs in a fresh process (cold JIT)

  const fetched = await timed(() => bbb.getMeetingChunks())
  const parsed = await timed(async () => parseMeetingChunks(fetched.result))
  const rows = floorRows(parsed.result.map((meeting, i) => ({ meeting, hash: (fetched.result[i] as MeetingChunk).hash })))
  log(
    `floor rows: ${count(rows.meetings.length)} meetings, ${count(rows.attendees.length)} attendees ` +
      `(same fetch ${ms(fetched.ms)}, full parse ${ms(parsed.ms)}, outside the floor)`,
  )
  if (rows.attendees.length !== cold[0]!.stats.attendeesWritten) {
    throw new Error(`floor rows (${rows.attendees.length}) differ from the sync's attendees (${cold[0]!.stats.attendeesWritten})`)
  }
  log("floor: plain SQL bulk upsert of the same rows, one transaction:")
  const floorCold: number[] = []
  const floorWarm: number[] = []
  for (let i = 1; i <= config.coldRuns; i++) {
    await truncate()
    floorCold.push(await floorUpsert(pgClient, rows))
    log(`  floor into empty tables #${i}  ${ms(floorCold.at(-1)!).padStart(9)}`)
  }
  for (let i = 1; i <= config.coldRuns; i++) {
    floorWarm.push(await floorUpsert(pgClient, rows))
    log(`  floor over existing rows #${i} ${ms(floorWarm.at(-1)!).padStart(9)}  (every row conflicts and is updated)`)
  }
  for (let i = 2; i <= config.coldRuns; i++) {
    await truncate()
    cold.push(await runSync(`first sync #${i}`))
  }

  const { rows: matchRows } = await pgClient.query<{ match_status: string; n: number }>(
    `SELECT match_status::text, count(*)::int AS n FROM attendees WHERE role = 'MODERATOR' AND left_at IS NULL GROUP BY 1 ORDER BY 1`,
  )
  const moderators = matchRows.reduce((sum, r) => sum + r.n, 0)
  log(`moderators after the first sync: ${count(moderators)} — ${matchRows.map((r) => `${r.match_status} ${count(r.n)}`).join(", ")}`)
  log()

  // ---------------------------------------------------------------- steady state
  log("steady-state sync, nothing changed:")
  const steady: SyncRun[] = []
  for (let i = 1; i <= config.steadyRuns; i++) steady.push(await runSync(`unchanged #${i}`))
  log(`steady-state sync after churn of ${config.churn} meetings (one attendee added or removed in each):`)
  const churned: SyncRun[] = []
  for (let i = 1; i <= config.steadyRuns; i++) {
    await control.churn({ meetings: config.churn, seed: 1_000 + i })
    churned.push(await runSync(`churn #${i}`))
  }
  log()

  // ---------------------------------------------------------------- matching
  log(`matching (${count(moderators)} moderators against ${count(config.users)} users):`)
  const { rows: meetingIdRows } = await pgClient.query<{ id: number }>("SELECT id FROM meetings WHERE ended_at IS NULL")
  const meetingIds = meetingIdRows.map((r) => r.id)
  const { rows: moderatorRows } = await pgClient.query<{ id: number }>("SELECT id FROM attendees WHERE role = 'MODERATOR' AND left_at IS NULL")
  const moderatorIds = moderatorRows.map((r) => r.id)
  const matchAll: number[] = []
  for (let i = 1; i <= config.coldRuns; i++) {
    await pgClient.query("UPDATE attendees SET match_status = 'UNMATCHED', user_id = NULL WHERE role = 'MODERATOR'")
    const run = await timed(() => matchNewModerators(meetingIds))
    matchAll.push(run.ms)
    log(`  all moderators unmatched → matchNewModerators #${i}  ${ms(run.ms).padStart(9)}  (${count(run.result.length)} matches changed)`)
  }
  const recheck: number[] = []
  for (let i = 1; i <= config.coldRuns; i++) {
    const run = await timed(() => matchAttendees(moderatorIds))
    recheck.push(run.ms)
    log(`  all moderators matched → matchAttendees (re-check) #${i}  ${ms(run.ms).padStart(9)}  (${count(run.result.length)} changed)`)
  }
  const { rows: namesake } = await pgClient.query<{ id: number }>(
    `SELECT u.id FROM users u JOIN attendees a ON a.normalized_name = u.name_key_first_last AND a.role = 'MODERATOR'
     WHERE a.match_status = 'AMBIGUOUS' LIMIT 1`,
  )
  const rematch: number[] = []
  if (namesake[0]) {
    for (let i = 1; i <= config.coldRuns; i++) rematch.push((await timed(() => rematchUser(namesake[0]!.id))).ms)
    log(`  rematchUser (a user with namesakes): median ${ms(median(rematch))}, max ${ms(max(rematch))}`)
  }
  log()

  // ---------------------------------------------------------------- delay: created in BBB → visible in DB
  type WorkerSync = { ms: number; changed: number }
  const workerSyncs: WorkerSync[] = []
  let workerInterval = Number.NaN
  const seed = config.delaySeed ?? Date.now() % 100_000 // a new spread of moments each run unless --delay-seed
  const random = createRandom(seed)
  const names = simulatorNameUniverse()

  async function startWorker(name: string, webhooks: boolean) {
    const worker = startTsChild({
      name,
      script: "workers/main.ts",
      // MEETINGS_SYNC_INTERVAL_MS empty = not set (env.ts), and it keeps .env's value out: the default applies.
      // BBB_WEBHOOKS_SERVERS empty = webhooks off (and .env's value kept out).
      env: { ...process.env, LOG_LEVEL: "info", MEETINGS_SYNC_INTERVAL_MS: "", BBB_WEBHOOKS_SERVERS: webhooks ? process.env.BBB_WEBHOOKS_SERVERS : "" },
    })
    worker.onLine((line) => {
      if (!line.startsWith("{")) return
      const entry = JSON.parse(line) as { msg?: string; ms?: number; changed?: number; syncEveryMs?: number }
      if (entry.msg === "meeting sync done") workerSyncs.push({ ms: entry.ms ?? Number.NaN, changed: entry.changed ?? 0 })
      if (entry.msg === "workers running") workerInterval = entry.syncEveryMs ?? Number.NaN
    })
    await worker.waitForLine(/"msg":"workers running"/, 60_000)
    await worker.waitForLine(/"msg":"meeting sync done"/, 60_000)
    return worker
  }

  /**
   * Creates --delay-samples meetings (one moderator with a seeded account name, one viewer) at random moments
   * over `windowMs`, polls the database every POLL_MS, and returns "create request sent" → "row visible"
   * per meeting. `afterCreate` runs beside the creations (never delaying the next one).
   */
  async function createdToVisible(prefix: string, windowMs: number, afterCreate?: (meetingID: string) => Promise<void>): Promise<Map<string, number>> {
    const offsets = Array.from({ length: config.delaySamples }, () => Math.floor(random() * windowMs)).sort((a, b) => a - b)
    const createdAt = new Map<string, number>()
    const seenAfter = new Map<string, number>()
    const beside: Promise<void>[] = []
    workerSyncs.length = 0 // count the syncs of the window only
    const windowStart = performance.now()
    let creating = Promise.resolve()
    offsets.forEach((offset, i) => {
      const meetingID = `${prefix}-${String(i + 1).padStart(3, "0")}`
      const moderator = names[Math.floor(random() * names.length)]!
      setTimeout(() => {
        creating = creating.then(async () => {
          const at = performance.now()
          await control.createMeeting({
            meetingID,
            name: `Bench ${prefix} ${i + 1}`,
            attendees: [
              { fullName: `${moderator.first} ${moderator.last}`, role: "MODERATOR" },
              { fullName: "Bench Viewer", role: "VIEWER" },
            ],
          })
          createdAt.set(meetingID, at)
          if (afterCreate) beside.push(afterCreate(meetingID))
        })
      }, offset)
    })
    const deadline = windowStart + windowMs + 30_000
    while (seenAfter.size < config.delaySamples && performance.now() < deadline) {
      await sleep(POLL_MS)
      const pending = [...createdAt.keys()].filter((id) => !seenAfter.has(id))
      if (pending.length === 0) continue
      const { rows: seen } = await pgClient.query<{ meeting_id: string }>("SELECT meeting_id FROM meetings WHERE meeting_id = ANY($1::text[])", [pending])
      const now = performance.now()
      for (const { meeting_id } of seen) seenAfter.set(meeting_id, now - createdAt.get(meeting_id)!)
    }
    await creating
    await Promise.all(beside)
    if (seenAfter.size < config.delaySamples) {
      throw new Error(`${prefix}: ${config.delaySamples - seenAfter.size} of ${config.delaySamples} created meetings never appeared in the database within 30 s`)
    }
    const delays = [...seenAfter.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, d]) => d)
    log(`  ${delays.length} meetings, in creation order: ${delays.map((d) => (d / 1000).toFixed(1)).join(" ")} s`)
    log(
      `  worker syncs during the window: ${workerSyncs.length}, median ${ms(median(workerSyncs.map((s) => s.ms)))}, ` +
        `max ${ms(max(workerSyncs.map((s) => s.ms)))}`,
    )
    return seenAfter
  }

  /** Splits the samples by whether their own trigger enqueued a sync or was debounced (another came shortly before). */
  function debouncedSplit(what: string, visible: Map<string, number>, triggered: Set<string>, targetMs: number): void {
    const own = [...visible].filter(([id]) => triggered.has(id)).map(([, d]) => d)
    const debounced = [...visible].filter(([id]) => !triggered.has(id)).map(([, d]) => d)
    log(
      `  ${own.length} whose ${what} enqueued a sync: p95 ${seconds(percentile(own, 95))}; ${debounced.length} debounced: ` +
        `p95 ${seconds(percentile(debounced, 95))}, ${debounced.filter((d) => d > targetMs).length} above ${seconds(targetMs)}`,
    )
  }

  let delays: number[] = []
  let pageDelays: number[] = []
  let hookDelays: number[] = []
  const pageRefreshed = new Set<string>()
  const hookRefreshed = new Set<string>()
  const hookCallbacks = { ok: 0, refused: 0, refreshed: 0 }
  if (config.delay) {
    log(`delay from "meeting created in the simulator" to "visible in the database" (real worker, default interval):`)
    log(`poll only (no webhooks, nobody opens the page):`)
    const worker = await startWorker("worker", false)
    log(
      `  worker running, sync every ${ms(workerInterval)}; creating ${config.delaySamples} meetings at random moments ` +
        `over ${seconds(config.delayWindowMs)} (--delay-seed ${seed})`,
    )
    delays = [...(await createdToVisible("bench-delay", config.delayWindowMs)).values()]

    if (config.refresh) {
      // The same worker (still no webhooks): after each creation, a teacher opens « Réaliser un direct »
      // 0–1 s later, i.e. app/meetings/page.tsx calls requestMeetingsRefresh() (2 s debounce, all users).
      log(
        `teacher opens the page 0–1 s after the creation (requestMeetingsRefresh(), no webhooks): ` +
          `${config.delaySamples} meetings over ${seconds(config.refreshWindowMs)}`,
      )
      const visible = await createdToVisible("bench-page", config.refreshWindowMs, async (meetingID) => {
        await sleep(random() * 1_000)
        if (await requestMeetingsRefresh()) pageRefreshed.add(meetingID)
      })
      pageDelays = [...visible.values()]
      debouncedSplit("page opening (2 s debounce across all pages)", visible, pageRefreshed, TARGETS.pageP95Ms)
    }
    await worker.stop()
    log()

    if (config.refresh) {
      log(`with bbb-webhooks (BBB_WEBHOOKS_SERVERS = the simulator; no page opened):`)
      log(`  callbacks received by handleWebhookCallback() (the route's use case) behind node:http at ${callbackUrl}`)
      onCallback = async (checksum, rawBody) => {
        try {
          const result = await handleWebhookCallback({ checksum, rawBody })
          hookCallbacks.ok++
          if (result.refreshed) {
            hookCallbacks.refreshed++
            const events = JSON.parse(new URLSearchParams(rawBody).get("event") ?? "[]") as { data?: { attributes?: { meeting?: Record<string, string> } } }[]
            const meetingID = events[0]?.data?.attributes?.meeting?.["external-meeting-id"]
            if (meetingID) hookRefreshed.add(meetingID)
          }
          return 200
        } catch (error) {
          hookCallbacks.refused++
          const status = { NOT_FOUND: 404, UNAUTHENTICATED: 401, INVALID_INPUT: 400 } as Record<string, number>
          return isAppError(error) ? (status[error.code] ?? 500) : 500
        }
      }
      const hookWorker = await startWorker("worker-webhooks", true)
      await waitForHook(simUrl!, callbackUrl)
      log(`  worker running, hook registered on the simulator by the worker; ${config.delaySamples} meetings over ${seconds(config.refreshWindowMs)}`)
      const visible = await createdToVisible("bench-hook", config.refreshWindowMs)
      await hookWorker.stop()
      hookDelays = [...visible.values()]
      log(
        `  callbacks: ${hookCallbacks.ok} accepted (${hookCallbacks.refreshed} enqueued a sync, the rest within the 500 ms debounce), ` +
          `${hookCallbacks.refused} refused`,
      )
      debouncedSplit("callback (500 ms debounce)", visible, hookRefreshed, TARGETS.webhookP95Ms)
      log()
    }
  }

  await simulator.stop()
  if (receiver) await new Promise((resolve) => receiver.close(resolve))
  await closeQueues()
  getProducerRedis().disconnect()
  await redis.flushdb()
  redis.disconnect()
  await pgClient.end()
  await db.$disconnect()

  // ---------------------------------------------------------------- summary
  const wall = (runs: SyncRun[]) => runs.map((r) => r.wallMs)
  const coldMedian = median(wall(cold))
  const floorMedian = median(floorCold)
  const ratio = coldMedian / floorMedian
  const delayRow = (label: string, values: number[], target: number) => [
    label,
    String(values.length),
    `${seconds(percentile(values, 50))} / ${seconds(percentile(values, 95))} / ${seconds(max(values))}`,
    `p95 ≤ ${seconds(target)}`,
    verdict(percentile(values, 95), target),
  ]
  const medMax = (values: number[]) => `${ms(median(values))} (max ${ms(max(values))})`
  log(`SUMMARY — ${count(config.meetings)} meetings × ${config.attendees} attendees, ${count(config.users)} users; sync times are wall times, commit included`)
  log(
    table([
      ["figure", "runs", "median (max)", "target", "verdict"],
      ["first sync, cold", String(cold.length), medMax(wall(cold)), `≤ ${ms(TARGETS.firstSyncMs)}`, verdict(coldMedian, TARGETS.firstSyncMs)],
      ["steady-state sync, nothing changed", String(steady.length), medMax(wall(steady)), `≤ ${ms(TARGETS.steadyMs)}`, verdict(median(wall(steady)), TARGETS.steadyMs)],
      [`steady-state sync, ${config.churn} meetings churned`, String(churned.length), medMax(wall(churned)), `≤ ${ms(TARGETS.steadyMs)}`, verdict(median(wall(churned)), TARGETS.steadyMs)],
      [`matching, ${count(moderators)} moderators all new`, String(matchAll.length), medMax(matchAll), "—", ""],
      [`matching, re-check ${count(moderators)} (no change)`, String(recheck.length), medMax(recheck), "—", ""],
      ["floor: plain SQL upsert, empty tables", String(floorCold.length), medMax(floorCold), "—", ""],
      ["floor: plain SQL upsert, all conflicts", String(floorWarm.length), medMax(floorWarm), "—", ""],
      ["first sync / floor (medians)", "", `${ratio.toFixed(2)}×`, `≤ ${TARGETS.floorRatio}×`, verdict(ratio, TARGETS.floorRatio)],
      ...(config.delay ? [delayRow("created in BBB → in DB, poll only, p50 / p95 / max", delays, TARGETS.delayP95Ms)] : []),
      ...(config.refresh
        ? [
            delayRow("  … with bbb-webhooks", hookDelays, TARGETS.webhookP95Ms),
            delayRow("  … page opened 0–1 s after, no webhooks", pageDelays, TARGETS.pageP95Ms),
          ]
        : []),
    ]),
  )
  log()
  const part = (runs: SyncRun[], pick: (r: SyncRun) => number) => ms(median(runs.map(pick)))
  log("where the time goes (medians):")
  log(
    table([
      ["sync", "fetch+split+hash", "parse (changed only)", "write+match", "commit", "wall"],
      ...(
        [
          ["first sync, cold", cold],
          ["nothing changed", steady],
          [`${config.churn} churned`, churned],
        ] as const
      ).map(([label, runs]) => [
        label,
        part(runs, (r) => r.stats.timings.fetchMs),
        part(runs, (r) => r.stats.timings.parseMs),
        part(runs, (r) => r.stats.timings.writeMs),
        part(runs, (r) => r.wallMs - r.stats.timings.totalMs),
        part(runs, (r) => r.wallMs),
      ]),
    ]),
  )
  log()
  // The steady state's cost at the configured intervals: CPU time of one sync / interval = the share of
  // one core the sync takes all the time (poll mode: MEETINGS_SYNC_INTERVAL_MS; with healthy webhooks:
  // MEETINGS_FULL_SYNC_INTERVAL_MS).
  const share = (runs: SyncRun[], intervalMs: number) => `${((100 * median(runs.map((r) => r.cpuMs))) / intervalMs).toFixed(1)} %`
  const peak = (runs: SyncRun[]) => `${Math.round(max(runs.map((r) => r.peakRssMb)))} MB`
  log("the sync process's cost (CPU time of the sync, median; peak RSS of the process during the syncs):")
  log(
    table([
      ["sync", "CPU per sync", `share of a core every ${seconds(env.MEETINGS_SYNC_INTERVAL_MS)} (poll)`, `every ${seconds(env.MEETINGS_FULL_SYNC_INTERVAL_MS)} (webhooks)`, "peak RSS"],
      ...(
        [
          ["first sync, cold", cold],
          ["nothing changed", steady],
          [`${config.churn} churned`, churned],
        ] as const
      ).map(([label, runs]) => [label, ms(median(runs.map((r) => r.cpuMs))), share(runs, env.MEETINGS_SYNC_INTERVAL_MS), share(runs, env.MEETINGS_FULL_SYNC_INTERVAL_MS), peak(runs)]),
    ]),
  )
  log()
  log(`bench finished in ${seconds(performance.now() - started)}; load average now ${loadAverage()}`)
}

/** Waits until the worker has registered `callbackUrl` on the simulator (BBB's hooks/list, SHA-1 checksum). */
async function waitForHook(simUrl: string, callbackUrl: string): Promise<void> {
  const checksum = createHash("sha1").update(`hooks/list${SIM_SECRET}`, "utf8").digest("hex")
  const deadline = performance.now() + 30_000
  while (performance.now() < deadline) {
    const body = await (await fetch(`${simUrl}/bigbluebutton/api/hooks/list?checksum=${checksum}`)).text()
    if (body.includes(`<callbackURL>${callbackUrl}</callbackURL>`)) return
    await sleep(POLL_MS)
  }
  throw new Error(`the worker did not register ${callbackUrl} on the simulator within 30 s`)
}

const watchdog = setTimeout(() => {
  console.error(`bench:sync: still running after ${WATCHDOG_MS / 60_000} minutes, stopping`)
  killAllChildrenNow()
  process.exit(1)
}, WATCHDOG_MS)
watchdog.unref()
process.on("exit", killAllChildrenNow)
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopAllChildren().finally(() => process.exit(130))
  })
}

try {
  await main()
} catch (error) {
  console.error(`\nbench:sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exitCode = 1
} finally {
  await stopAllChildren()
}
process.exit(process.exitCode ?? 0)
