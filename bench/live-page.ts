// npm run bench:live-page — how many live pages per second the production build serves (issue 9).
//
// One run, with autocannon, against the production build served by `npm start` (server.ts) behind the
// nginx front of production (deploy/nginx, run by tools/front: micro-cache of anonymous public pages)
// and, as the floor, a real nginx serving static files: one of the public page's size, a copy of the
// page's own HTML, and that HTML gzip-compressed (autocannon decodes every body into a string: what it
// decodes costs it as much as the page does, so these are the fair floors for the front):
//   1. nginx floors, 200 connections, and a static file through the app (its own ceiling);
//   2. the live page of a PUBLIC live, anonymous, 200 connections, THROUGH THE FRONT (goal ≥ 3,000
//      req/s, p99 ≤ 200 ms; the goal's row is the gzip answer browsers ask for), and straight from
//      the app (reference: what each render costs);
//   3. the live page of a RESTRICTED live, each request signed in as the next of --users students
//      (goal ≥ 800 req/s), through the front (the members' copy, served after the app's access
//      answer for that very request: auth_request) and straight from the app (rendered per request);
//      and the other request each such view makes for its visitor, GET /api/me (the header's
//      account), through the front.
// Before measuring, it checks what makes the cache safe: two anonymous renders of the public page
// differ only by the CSP nonce, set no cookie and are marked X-Accel-Expires; so do two renders of the
// restricted page for two different students; the front answers the second anonymous request from
// its cache, and a second student from the members' copy, but never a signed-in visitor of the
// public page nor an anonymous one of the restricted page.
// then, when bench/chat-fanout.ts exists (the chat's fan-out figure: 2,000 viewers, 20 messages/s),
// runs it as its own process (`--no-chat` skips it). Figures are printed beside their goals with the
// machine's load average; nothing is asserted.
//
// Talks only to 127.0.0.1; never touches dev or test data: database bbb_pod_live_bench_live_page
// (dropped and recreated), Redis database 3 (flushed); with TEST_INSTANCE=N, the database suffixed
// _iN and that instance's second Redis database.
//
//   npm run bench:live-page [-- --duration 20 --connections 200 --users 50 --no-chat]
import { existsSync } from "node:fs"
import { chmod, cp, mkdtemp, rm, writeFile } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "node:util"
import { gzipSync } from "node:zlib"

import autocannon from "autocannon"
import { Redis } from "ioredis"

import { bootstrap } from "@/lib/boot/bootstrap"
import { db } from "@/lib/db"
import { createUser } from "@/lib/users/create-user"
import { applyMigrations, recreateDatabase } from "@/prisma/migrate"
import { startFront } from "@/tools/front/server"
import { freePort, startRtmpServer } from "@/tools/rtmp/server"
import { TEST_INSTANCE } from "@/vitest.test-env"

import { killAllChildrenNow, REPO_ROOT, startTsChild, stopAllChildren } from "./support/child-process"
import { count, ms, table } from "./support/figures"

// TEST_INSTANCE=N (as for the tests) keeps a checkout's run apart from another's: its own database,
// and the second Redis database of that instance instead of database 3.
const DATABASE_URL = `postgresql://postgres@127.0.0.1:5432/bbb_pod_live_bench_live_page${TEST_INSTANCE.databaseSuffix}`
const REDIS_URL = `redis://127.0.0.1:6379/${TEST_INSTANCE.number ? TEST_INSTANCE.redisDatabase(2) : 3}`
const GOALS = { publicRps: 3_000, publicP99: 200, restrictedRps: 800 }
const WATCHDOG_MS = 9 * 60_000

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "200" },
    users: { type: "string", default: "50" },
    "no-chat": { type: "boolean", default: false },
  },
})
const config = { duration: Number(args.duration), connections: Number(args.connections), users: Number(args.users) }
for (const [k, v] of Object.entries(config)) if (!Number.isInteger(v) || v < 1) throw new Error(`--${k} must be a positive integer`)

const log = (line: string) => console.log(line)
const watchdog = setTimeout(() => {
  console.error("bench:live-page: watchdog (9 minutes) — stopping")
  killAllChildrenNow()
  process.exit(2)
}, WATCHDOG_MS)
process.on("exit", killAllChildrenNow)

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" / ")

type Run = { name: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; load: string; bytes: number }

async function measure(name: string, options: autocannon.Options): Promise<Run> {
  const loadBefore = load()
  // A 30 s timeout (autocannon's default is 10 s): a saturated server's timed-out requests are still
  // rendered after their client gave up, which would measure that spiral rather than the capacity.
  const result = await autocannon({ connections: config.connections, duration: config.duration, timeout: 30, ...options })
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    load: loadBefore,
    bytes: result.requests.total ? result.throughput.total / result.requests.total : 0,
  }
}

async function main(): Promise<void> {
  if (!existsSync(path.join(REPO_ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first")
  log(`bench:live-page — ${config.connections} connections, ${config.duration} s per run, ${os.cpus().length} CPUs, load average ${load()} (1/5/15 min)`)
  await recreateDatabase(DATABASE_URL)
  await applyMigrations(DATABASE_URL)
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
  await redis.connect()
  await redis.flushdb()
  redis.disconnect()

  const workDir = await mkdtemp(path.join(os.tmpdir(), "bbb-bench-live-page-"))
  await chmod(workDir, 0o755) // nginx's workers (user nobody when started as root) must reach the floor file
  const nginx = await startRtmpServer({ dir: path.join(workDir, "nginx"), rtmpPort: await freePort(), httpPort: await freePort() })
  const port = await freePort()
  const appUrl = `http://127.0.0.1:${port}`
  Object.assign(process.env, {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: "bbb-pod-live-bench-live-page",
    APP_URL: appUrl,
    NEXTAUTH_URL: appUrl,
    AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef",
    BBB_SERVER_URL: "http://127.0.0.1:9/",
    BBB_SECRET_KEY: "bench",
    POD_HLS_STREAM: nginx.hlsBase,
    LOGIN_IP_MAX_FAILURES: "1000000",
  })

  // Two lives on air: one public, one restricted (what the orchestrator leaves when a live starts).
  // The settings this bench set above, validated (no .env: the bench runs on its own databases).
  await bootstrap("bench:live-page", { dotenv: false, services: false })
  const teacher = await createUser({ email: "teacher@bench.test", username: "bench-teacher", firstName: "Hélène", lastName: "Lefèvre", role: "TEACHER", password: "bench-teacher-pw" })
  const building = await db.building.create({ data: { name: "Campus" } })
  const slugs: Record<"public" | "restricted", string> = { public: "bbb-amphi-public", restricted: "bbb-td-restreint" }
  for (const [kind, slug] of Object.entries(slugs) as ["public" | "restricted", string][]) {
    const isRestricted = kind === "restricted"
    const meeting = await db.meeting.create({ data: { meetingId: `bench-${kind}`, internalMeetingId: `bench-internal-${kind}`, name: `Amphi ${kind}`, sessionDate: new Date(), lastSeenRunningAt: new Date() } })
    const broadcaster = await db.broadcaster.create({ data: { name: `[BBB] Amphi ${kind}`, slug, hlsUrl: `${nginx.hlsBase}key-${kind}.m3u8`, isOnAir: true, isRestricted, buildingId: building.id } })
    await db.live.create({
      data: { meetingId: meeting.id, activeMeetingId: meeting.id, requestedById: teacher.id, status: "RUNNING", streamKey: `key-${kind}`, isRestricted, enableChat: true, startedAt: new Date(), broadcasterId: broadcaster.id },
    })
  }
  const students = await Promise.all(
    Array.from({ length: config.users }, (_, i) =>
      createUser({ email: `student${i}@bench.test`, username: `bench-student-${i}`, firstName: "Étudiant", lastName: `${i}`, role: "STUDENT", password: `bench-student-pw-${i}` }),
    ),
  )
  await db.$disconnect()

  const app = startTsChild({ name: "app", script: "server.ts", args: ["-p", String(port), "-H", "127.0.0.1"], env: { ...process.env }, profile: true })
  await app.waitForLine(/ready on/i, 60_000)
  const front = await startFront({ dir: path.join(workDir, "front"), port: await freePort(), appAddresses: [`127.0.0.1:${port}`], accessLog: Boolean(process.env.BENCH_FRONT_LOG) })

  const cookies: string[] = []
  for (const [i, s] of students.entries()) cookies.push(await signIn(appUrl, s.username, `bench-student-pw-${i}`))

  const publicPath = `/lives/${slugs.public}`
  const restrictedPath = `/lives/${slugs.restricted}`
  const publicUrl = `${appUrl}${publicPath}`
  const restrictedUrl = `${appUrl}${restrictedPath}`
  const html = await checkPageIsShareable(publicUrl, "public live page")
  await checkPageIsShareable(`${appUrl}/lives`, "Directs page")
  const refused = await fetch(restrictedUrl, { redirect: "manual" })
  if (refused.status !== 307 && refused.status !== 303) throw new Error(`restricted live page, anonymous: expected a redirect to sign-in, got HTTP ${refused.status}`)
  if (cookies.length < 2) throw new Error("--users must be at least 2 (two members' renders are compared)")
  await checkPageIsShareable(restrictedUrl, "restricted live page", cookies.slice(0, 2))
  const ownPage = await fetch(publicUrl, { headers: { cookie: cookies[0]! } })
  if (ownPage.status !== 200 || ownPage.headers.has("x-accel-expires")) throw new Error(`public live page, signed in: HTTP ${ownPage.status}, X-Accel-Expires ${ownPage.headers.get("x-accel-expires")}`)
  await checkFront({ front: front.url, publicPath, restrictedPath, cookies: cookies.slice(0, 2) })
  await writeFile(path.join(nginx.hlsDir, "floor.html"), "x".repeat(Buffer.byteLength(html)))
  await writeFile(path.join(nginx.hlsDir, "page.html"), html)
  // The same page gzip-compressed at nginx's default level (1), served as plain bytes: what the client
  // decodes of a compressed answer, without the compression (nginx's gzip cache entry is made once).
  await writeFile(path.join(nginx.hlsDir, "page-gzip.bin"), gzipSync(html, { level: 1 }))

  // Warm-up: JIT, connection pools, Next's caches.
  await autocannon({ url: publicUrl, connections: 20, duration: 3 })
  await autocannon({ url: restrictedUrl, connections: 20, duration: 3, headers: { cookie: cookies[0]! } })
  await autocannon({ url: `${front.url}${restrictedPath}`, connections: 20, duration: 3, headers: { cookie: cookies[0]! } })
  await autocannon({ url: `${front.url}${publicPath}`, connections: 20, duration: 3 })
  await autocannon({ url: `${front.url}${publicPath}`, connections: 20, duration: 3, headers: { "accept-encoding": "gzip, deflate, br, zstd" } })

  let next = 0
  const signedIn = (url: string, headers: Record<string, string> = {}): autocannon.Options => ({
    url,
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: cookies[next++ % cookies.length]! } }) }],
  })
  const runs: Run[] = []
  runs.push(await measure("nginx floor (static file, same size)", { url: `${nginx.hlsBase}floor.html` }))
  // autocannon decodes every body into a string: the page's French (non-ASCII) HTML costs the client
  // several times what ASCII bytes do, on the same 2 cores. This floor does the client's real work.
  const floor = await measure("nginx floor (static copy of the page's HTML)", { url: `${nginx.hlsBase}page.html` })
  runs.push(floor)
  // Right after the floor, before any run leaves the app a backlog of abandoned requests to finish.
  const publicRun = await measure("public live page, anonymous, through the front", { url: `${front.url}${publicPath}` })
  runs.push(publicRun)
  // What browsers ask for: the gzip copy (an entry of its own), a fifth of the bytes for the client to
  // decode; its floor is the same compressed bytes as a static file. This pair is the goal's figure.
  const gzipFloor = await measure("nginx floor (static copy of the page's HTML, gzip-compressed)", { url: `${nginx.hlsBase}page-gzip.bin` })
  runs.push(gzipFloor)
  const publicGzipRun = await measure("public live page, anonymous, through the front, gzip", { url: `${front.url}${publicPath}`, headers: { "accept-encoding": "gzip, deflate, br, zstd" } })
  runs.push(publicGzipRun)
  // What any response costs through the app (`npm start`: proxy with its security headers, static
  // file): the ceiling of every page the app renders itself.
  runs.push(await measure("public/robots.txt through the app", { url: `${appUrl}/robots.txt` }))
  runs.push(await measure("public live page, anonymous, the app (reference)", { url: publicUrl }))
  const restrictedRun = await measure(`restricted live page, ${config.users} signed-in students in turn, through the front, gzip`, signedIn(`${front.url}${restrictedPath}`, { "accept-encoding": "gzip, deflate, br, zstd" }))
  runs.push(restrictedRun)
  const restrictedPlainRun = await measure(`restricted live page, ${config.users} signed-in students in turn, through the front`, signedIn(`${front.url}${restrictedPath}`))
  runs.push(restrictedPlainRun)
  const meRun = await measure(`GET /api/me (the header's account), ${config.users} students in turn, through the front`, signedIn(`${front.url}/api/me`))
  runs.push(meRun)
  runs.push(await measure(`restricted live page, ${config.users} signed-in students in turn, the app (rendered per request)`, signedIn(restrictedUrl)))

  log(`\nLive page: ${count(Buffer.byteLength(html))} bytes of HTML; ${config.connections} connections, ${config.duration} s each`)
  log(
    table([
      ["run", "req/s", "p50", "p99", "non-2xx", "errors", "load before (1/5/15)"],
      ...runs.map((r) => [r.name, count(Math.round(r.rps)), ms(r.p50), ms(r.p99), String(r.non2xx), String(r.errors), r.load]),
    ]),
  )
  log("\nGoals")
  log(
    table([
      ["figure", "measured", "goal", "verdict", "share of the floor"],
      ["public page req/s (gzip, as browsers ask)", count(Math.round(publicGzipRun.rps)), `≥ ${count(GOALS.publicRps)}`, publicGzipRun.rps >= GOALS.publicRps ? "PASS" : "BELOW GOAL", pct(publicGzipRun.rps, gzipFloor.rps)],
      ["public page p99 (gzip)", ms(publicGzipRun.p99), `≤ ${ms(GOALS.publicP99)}`, publicGzipRun.p99 <= GOALS.publicP99 ? "PASS" : "ABOVE TARGET", ""],
      ["public page req/s (uncompressed)", count(Math.round(publicRun.rps)), `≥ ${count(GOALS.publicRps)}`, publicRun.rps >= GOALS.publicRps ? "PASS" : "BELOW GOAL", pct(publicRun.rps, floor.rps)],
      ["public page p99 (uncompressed)", ms(publicRun.p99), `≤ ${ms(GOALS.publicP99)}`, publicRun.p99 <= GOALS.publicP99 ? "PASS" : "ABOVE TARGET", ""],
      ["restricted page req/s (gzip, each request its access check)", count(Math.round(restrictedRun.rps)), `≥ ${count(GOALS.restrictedRps)}`, restrictedRun.rps >= GOALS.restrictedRps ? "PASS" : "BELOW GOAL", pct(restrictedRun.rps, gzipFloor.rps)],
      ["restricted page req/s (uncompressed)", count(Math.round(restrictedPlainRun.rps)), `≥ ${count(GOALS.restrictedRps)}`, restrictedPlainRun.rps >= GOALS.restrictedRps ? "PASS" : "BELOW GOAL", pct(restrictedPlainRun.rps, floor.rps)],
      ["GET /api/me req/s (the view's other per-visitor request)", count(Math.round(meRun.rps)), `≥ ${count(GOALS.restrictedRps)}`, meRun.rps >= GOALS.restrictedRps ? "PASS" : "BELOW GOAL", ""],
    ]),
  )
  await front.close()
  if (process.env.BENCH_FRONT_LOG) await cp(path.join(front.dir, "access.log"), process.env.BENCH_FRONT_LOG)
  await app.stop()
  await nginx.close()
  await rm(workDir, { recursive: true, force: true })

  const chatBench = path.join(REPO_ROOT, "bench", "chat-fanout.ts")
  if (args["no-chat"]) log("\nChat fan-out: skipped (--no-chat)")
  else if (!existsSync(chatBench)) log("\nChat fan-out: bench/chat-fanout.ts is not there yet (the chat's figure)")
  else {
    log("\nChat fan-out (bench/chat-fanout.ts):")
    const chat = startTsChild({ name: "chat-fanout", script: "bench/chat-fanout.ts", env: { ...process.env, NODE_ENV: "production" } })
    chat.onLine((line) => log(`  ${line}`))
    await new Promise((resolve) => chat.process.once("exit", resolve))
  }
}

/**
 * What makes a page safe to share (lib/security/shared-cache.ts): two renders, anonymous or for two
 * different students, differ only by their CSP nonce, set no cookie and are marked for the front.
 * Returns the HTML.
 */
async function checkPageIsShareable(url: string, name: string, cookies?: string[]): Promise<string> {
  const who = cookies ? "two students'" : "two anonymous"
  const renders: string[] = []
  let html: string | undefined
  for (let i = 0; i < 2; i++) {
    const page = await fetch(url, { headers: cookies ? { cookie: cookies[i]! } : {} })
    if (page.status !== 200) throw new Error(`${name}: HTTP ${page.status}`)
    if (page.headers.getSetCookie().length > 0) throw new Error(`${name}: sets a cookie (${page.headers.getSetCookie().join("; ")})`)
    if (!page.headers.get("x-accel-expires")) throw new Error(`${name}: not marked X-Accel-Expires`)
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1]
    if (!nonce) throw new Error(`${name}: no CSP nonce`)
    const text = await page.text()
    html ??= text
    renders.push(text.replaceAll(nonce, "NONCE"))
  }
  const [a, b] = renders as [string, string]
  if (a !== b) {
    let at = 0
    while (a[at] === b[at]) at++
    throw new Error(`${name}: ${who} renders differ beyond the nonce, at ${at}: «${a.slice(at - 80, at + 80)}» / «${b.slice(at - 80, at + 80)}»`)
  }
  log(`${name}: ${who} renders identical but for the CSP nonce; no Set-Cookie; X-Accel-Expires set`)
  return html!
}

/**
 * The front keeps the anonymous public page (HIT on the second request) and the restricted page for
 * members (a second student gets the first one's copy), never a signed-in visitor's public page, and
 * sends an anonymous visitor of the restricted page to sign-in.
 */
async function checkFront(o: { front: string; publicPath: string; restrictedPath: string; cookies: string[] }): Promise<void> {
  const status = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${o.front}${path}`, { headers, redirect: "manual" })
    await response.arrayBuffer()
    return `${response.status} ${response.headers.get("x-cache-status")}`
  }
  const [a, b] = o.cookies as [string, string]
  const seen = {
    anonymous: [await status(o.publicPath), await status(o.publicPath)],
    members: [await status(o.restrictedPath, { cookie: a }), await status(o.restrictedPath, { cookie: b })],
    own: await status(o.publicPath, { cookie: a }),
    refused: await status(o.restrictedPath),
  }
  if (seen.anonymous[1] !== "200 HIT" || seen.members[1] !== "200 HIT" || seen.own !== "200 BYPASS" || !/^30[37] /.test(seen.refused)) {
    throw new Error(`front: unexpected cache statuses ${JSON.stringify(seen)}`)
  }
  log(`Front: public page ${seen.anonymous.join(" then ")}; restricted page, two students ${seen.members.join(" then ")}; public page signed in ${seen.own}; restricted page anonymous ${seen.refused}`)
}

function pct(value: number, floor: number): string {
  return floor > 0 ? `${((100 * value) / floor).toFixed(1)} %` : ""
}

/** A next-auth session cookie for this user, through the credentials endpoint (what the sign-in form posts). */
async function signIn(appUrl: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ")
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: appUrl },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  })
  const session = response.headers.getSetCookie().find((c) => c.includes("next-auth.session-token"))
  if (!session) throw new Error(`sign-in of ${username} failed: HTTP ${response.status}`)
  return session.split(";")[0]!
}

try {
  await main()
} finally {
  clearTimeout(watchdog)
  await stopAllChildren()
}
process.exit(0)
