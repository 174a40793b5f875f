// npm run bench:sync — performance of the meeting sync (issue "Meeting sync and moderator matching").
//
// Seeds 100,000 users into a dedicated database, starts the BBB simulator with 1,000 running meetings × 50
// attendees, and prints: first sync (cold: empty tables), steady-state sync (nothing changed, then ~10
// meetings churned), matching time, the floor (a plain set-based SQL bulk upsert of the same rows, same
// run) with the first-sync/floor ratio, and the delay from "meeting created in the simulator" to "visible
// in the database" with the real worker at its default interval. Figures are printed beside their targets;
// a figure above its target is reported, not failed: the exit code is non-zero only when the bench breaks.
//
// Bounded (a watchdog stops it after 9 minutes), talks only to 127.0.0.1, and never touches dev or test
// data: database bbb_pod_live_bench (dropped and recreated) and Redis database 3 (flushed).
//
//   npm run bench:sync [-- --meetings 1000 --attendees 50 --users 100000 --delay-samples 30 --delay-seed N --no-delay]
import os from "node:os"
import { parseArgs } from "node:util"

import { Redis } from "ioredis"
import pg from "pg"

import type { MeetingChunk } from "@/lib/bbb/schemas"
import type { SyncStats } from "@/lib/meetings/sync-meetings"
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
const TARGETS = { firstSyncMs: 2_000, steadyMs: 1_000, floorRatio: 3, delayP95Ms: 10_000 }
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
  delay: !args["no-delay"],
}

type SyncRun = { wallMs: number; stats: SyncStats }

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

  // ---------------------------------------------------------------- application modules (env first)
  Object.assign(process.env, {
    LOG_LEVEL: "warn",
    DATABASE_URL,
    REDIS_URL,
    AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
    BBB_SERVER_URL: `${simUrl}/`,
    BBB_SECRET_KEY: SIM_SECRET,
    BBB_CHECKSUM_ALGORITHM: "sha1",
    BBB_USERNAME_FORMAT: "first_name last_name",
  })
  delete process.env.MEETINGS_SYNC_INTERVAL_MS
  const { getEnv } = await import("@/lib/config/env")
  const { createBbbClient } = await import("@/lib/bbb/client")
  const { parseMeetingChunks } = await import("@/lib/bbb/parse-meetings")
  const { syncMeetings } = await import("@/lib/meetings/sync-meetings")
  const { matchAttendees, matchNewModerators } = await import("@/lib/meetings/match-attendees")
  const { rematchUser } = await import("@/lib/meetings/rematch-user")
  const { db } = await import("@/lib/db")
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
    const { result, ms: wallMs } = await timed(() => syncMeetings({ source: bbb }))
    if (result.skipped) throw new Error(`${label}: skipped, another sync holds the lock`)
    const t = result.timings
    log(
      `  ${label.padEnd(22)} ${ms(wallMs).padStart(9)}  (fetch+split ${Math.round(t.fetchMs)} · parse ${Math.round(t.parseMs)} · ` +
        `write+match ${Math.round(t.writeMs)} · commit ${Math.round(wallMs - t.totalMs)})  changed ${count(result.changed)}, ` +
        `unchanged ${count(result.unchanged)}, attendees written ${count(result.attendeesWritten)}, matches ${count(result.matchesChanged)}`,
    )
    return { wallMs, stats: result }
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
  let delays: number[] = []
  const workerSyncs: { ms: number; changed: number }[] = []
  let workerInterval = Number.NaN
  if (config.delay) {
    log(`delay from "meeting created in the simulator" to "visible in the database" (real worker, default interval):`)
    const worker = startTsChild({
      name: "worker",
      script: "workers/main.ts",
      // MEETINGS_SYNC_INTERVAL_MS empty = not set (env.ts), and it keeps .env's value out: the default applies
      env: { ...process.env, LOG_LEVEL: "info", MEETINGS_SYNC_INTERVAL_MS: "" },
    })
    worker.onLine((line) => {
      if (!line.startsWith("{")) return
      const entry = JSON.parse(line) as { msg?: string; ms?: number; changed?: number; syncEveryMs?: number }
      if (entry.msg === "meeting sync done") workerSyncs.push({ ms: entry.ms ?? Number.NaN, changed: entry.changed ?? 0 })
      if (entry.msg === "workers running") workerInterval = entry.syncEveryMs ?? Number.NaN
    })
    await worker.waitForLine(/"msg":"workers running"/, 60_000)
    await worker.waitForLine(/"msg":"meeting sync done"/, 60_000)
    const seed = config.delaySeed ?? Date.now() % 100_000 // a new spread of moments each run unless --delay-seed
    log(
      `  worker running, sync every ${ms(workerInterval)}; creating ${config.delaySamples} meetings at random moments ` +
        `over ${seconds(config.delayWindowMs)} (--delay-seed ${seed})`,
    )
    const random = createRandom(seed)
    const names = simulatorNameUniverse()
    const offsets = Array.from({ length: config.delaySamples }, () => Math.floor(random() * config.delayWindowMs)).sort((a, b) => a - b)
    const createdAt = new Map<string, number>()
    const seenAfter = new Map<string, number>()
    workerSyncs.length = 0 // count the syncs of the window only
    const windowStart = performance.now()
    let creating = Promise.resolve()
    offsets.forEach((offset, i) => {
      const meetingID = `bench-delay-${String(i + 1).padStart(3, "0")}`
      const moderator = names[Math.floor(random() * names.length)]!
      setTimeout(() => {
        creating = creating.then(async () => {
          const at = performance.now()
          await control.createMeeting({
            meetingID,
            name: `Bench delay ${i + 1}`,
            attendees: [
              { fullName: `${moderator.first} ${moderator.last}`, role: "MODERATOR" },
              { fullName: "Bench Viewer", role: "VIEWER" },
            ],
          })
          createdAt.set(meetingID, at)
        })
      }, offset)
    })
    const deadline = windowStart + config.delayWindowMs + 30_000
    while (seenAfter.size < config.delaySamples && performance.now() < deadline) {
      await sleep(POLL_MS)
      const pending = [...createdAt.keys()].filter((id) => !seenAfter.has(id))
      if (pending.length === 0) continue
      const { rows: seen } = await pgClient.query<{ meeting_id: string }>("SELECT meeting_id FROM meetings WHERE meeting_id = ANY($1::text[])", [pending])
      const now = performance.now()
      for (const { meeting_id } of seen) seenAfter.set(meeting_id, now - createdAt.get(meeting_id)!)
    }
    await creating
    await worker.stop()
    delays = [...seenAfter.values()]
    if (delays.length < config.delaySamples) {
      throw new Error(`${config.delaySamples - delays.length} of ${config.delaySamples} created meetings never appeared in the database within 30 s`)
    }
    log(`  ${delays.length} meetings: ${delays.map((d) => (d / 1000).toFixed(1)).join(" ")} s`)
    log(
      `  worker syncs during the window: ${workerSyncs.length}, median ${ms(median(workerSyncs.map((s) => s.ms)))}, ` +
        `max ${ms(max(workerSyncs.map((s) => s.ms)))}`,
    )
    log()
  }

  await simulator.stop()
  await redis.flushdb()
  redis.disconnect()
  await pgClient.end()
  await db.$disconnect()

  // ---------------------------------------------------------------- summary
  const wall = (runs: SyncRun[]) => runs.map((r) => r.wallMs)
  const coldMedian = median(wall(cold))
  const floorMedian = median(floorCold)
  const ratio = coldMedian / floorMedian
  const delayP95 = percentile(delays, 95)
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
      ...(config.delay
        ? [
            [
              "created in BBB → in DB, p50 / p95 / max",
              String(delays.length),
              `${seconds(percentile(delays, 50))} / ${seconds(delayP95)} / ${seconds(max(delays))}`,
              `p95 ≤ ${seconds(TARGETS.delayP95Ms)}`,
              verdict(delayP95, TARGETS.delayP95Ms),
            ],
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
  log(`bench finished in ${seconds(performance.now() - started)}; load average now ${loadAverage()}`)
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
