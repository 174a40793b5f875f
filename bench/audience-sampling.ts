// npm run bench:audience — the cost of one audience sampling tick (issue 23): 2,000 viewers over 10
// lives on air (200 each: 70 % signed in, some with a second tab on another instance, 30 % anonymous)
// are in Redis as the app's presence leaves them, with the rendition 9 in 10 players reported; the worker's tick (lib/audience/record-audience-samples.ts:
// the lives on air, one Redis round trip counting every live, one insert) runs TICKS times. Prints the
// tick's p50/p95/max and the Redis part alone, beside the goal (< 50 ms per tick). Nothing asserted.
//
// Own data only: database bbb_pod_live_bench_audience (recreated), Redis database 3, the benches' (flushed).
//
//   npm run bench:audience [-- --ticks 200]
import os from "node:os"
import { parseArgs } from "node:util"

import { Redis } from "ioredis"

import { recordAudienceSamples } from "@/lib/audience/record-audience-samples"
import { bootstrap } from "@/lib/boot/bootstrap"
import { db } from "@/lib/db"
import { readLivesAudience, viewerRenditionsKey, viewersKey, viewersSeenKey } from "@/lib/lives/track-live-viewer"
import { getProducerRedis } from "@/lib/redis"
import { applyMigrations, recreateDatabase } from "@/prisma/migrate"
import { seedViewableLive } from "@/prisma/seed/factories"

import { ms, percentile, table, verdict } from "./support/figures"

const DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/bbb_pod_live_bench_audience"
const REDIS_URL = "redis://127.0.0.1:6379/3"
const LIVES = 10
const VIEWERS = 2_000
const GOAL_MS = 50

const { values } = parseArgs({ options: { ticks: { type: "string", default: "200" } } })
const TICKS = Number(values.ticks)

await recreateDatabase(DATABASE_URL)
await applyMigrations(DATABASE_URL)
Object.assign(process.env, { DATABASE_URL, REDIS_URL, LOG_LEVEL: "silent", AUTH_SECRET: "bench-audience-secret-bench-audience-01", BBB_SERVER_URL: "http://127.0.0.1:9/", BBB_SECRET_KEY: "bench" })
await bootstrap("bench:audience", { dotenv: false, services: false })
const redis = new Redis(REDIS_URL)
await redis.flushdb()

const lives = []
for (let i = 0; i < LIVES; i++) lives.push(await seedViewableLive())
const expires = Date.now() + 3600_000
for (const [l, { live }] of lives.entries()) {
  const members: (string | number)[] = []
  const seen: string[] = []
  const renditions: string[] = []
  for (let i = 0; i < VIEWERS / LIVES; i++) {
    const viewer = i % 10 < 7 ? `u:${l * 1000 + i}` : `a:${crypto.randomUUID()}`
    members.push(expires, `${viewer}@app-1`)
    if (i % 10 === 0) members.push(expires, `${viewer}@app-2`) // a second tab on another instance
    seen.push(viewer)
    // The rendition its player reported (one in ten says nothing: Safari).
    if (i % 10 !== 9) renditions.push(viewer, ["720p", "360p", "720p", "audio"][i % 4]!)
  }
  await redis.zadd(viewersKey(live.id), ...members)
  await redis.pfadd(viewersSeenKey(live.id), ...seen)
  await redis.hset(viewerRenditionsKey(live.id), ...renditions)
}

const ids = lives.map((l) => l.live.id)
const tick: number[] = []
const redisPart: number[] = []
for (let i = 0; i < TICKS; i++) {
  let start = performance.now()
  await readLivesAudience(ids)
  redisPart.push(performance.now() - start)
  start = performance.now()
  const { sampled } = await recordAudienceSamples({ now: new Date(Date.now() + i * 10_000) })
  tick.push(performance.now() - start)
  if (sampled !== LIVES) throw new Error(`sampled ${sampled} lives, expected ${LIVES}`)
}
const check = await readLivesAudience([ids[0]!])
const [load1, load5] = os.loadavg()

console.log(`\nAudience sampling: ${VIEWERS} viewers over ${LIVES} lives, ${TICKS} ticks (load average ${load1!.toFixed(1)} / ${load5!.toFixed(1)}, ${os.cpus().length} cores)`)
console.log(`A live's count: ${JSON.stringify(check.get(ids[0]!))}`)
console.log(
  table([
    ["", "p50", "p95", "max", "goal"],
    ["whole tick (query lives, Redis, insert)", ms(percentile(tick, 50)), ms(percentile(tick, 95)), ms(Math.max(...tick)), `p95 < ${GOAL_MS} ms: ${verdict(percentile(tick, 95), GOAL_MS)}`],
    ["Redis part (10 counts + 10 PFCOUNT, one round trip)", ms(percentile(redisPart, 50)), ms(percentile(redisPart, 95)), ms(Math.max(...redisPart)), ""],
  ]),
)
redis.disconnect()
getProducerRedis().disconnect()
await db.$disconnect()
