// One tick of the audience sampler (a worker job every AUDIENCE_SAMPLE_INTERVAL_MS): each live on air
// gets one sample of its viewers now (lib/lives/track-live-viewer.ts counts them in Redis) in one
// Redis round trip and one insert. Redis down: the job fails and no sample is written, so the curve
// shows a gap rather than an invented value. A live that restarts keeps its id: one curve.
// A tick that finds the active lives at BBB_NUMBER_MAX_LIVES also records a capacity sample (the admin
// overview's time at full capacity: when it grows, add streamer servers).
import type { Redis } from "ioredis"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { ACTIVE_LIVE_WHERE } from "@/lib/lives/is-live-cap-reached"
import { readLivesAudience } from "@/lib/lives/track-live-viewer"
import { getProducerRedis } from "@/lib/redis"

/** Lives whose page is watched: on air, or restarting (the page stays open meanwhile). */
const ON_AIR = ["RUNNING", "STOPPING"] as const

export async function recordAudienceSamples(options: { now?: Date; redis?: Redis } = {}): Promise<{ sampled: number; atCapacity: boolean }> {
  const env = getEnv()
  // One query: the active lives (RUNNING and STOPPING are among them) give both the cap's count and
  // the lives to sample.
  const active = await db.live.findMany({ where: ACTIVE_LIVE_WHERE, select: { id: true, status: true } })
  const lives = active.filter((l) => (ON_AIR as readonly string[]).includes(l.status))
  const activeLives = active.length
  const atCapacity = activeLives > 0 && activeLives >= env.BBB_NUMBER_MAX_LIVES
  if (atCapacity) {
    await db.liveCapacitySample.create({ data: { at: options.now ?? new Date(), activeLives, cap: env.BBB_NUMBER_MAX_LIVES, seconds: env.AUDIENCE_SAMPLE_INTERVAL_MS / 1000 } })
  }
  if (lives.length === 0) return { sampled: 0, atCapacity }
  const audience = await readLivesAudience(
    lives.map((l) => l.id),
    options.redis ?? getProducerRedis(),
  )
  const at = options.now ?? new Date()
  const data = [...audience].map(([liveId, a]) => ({ liveId, at, viewers: a.viewers, signedIn: a.signedIn, anonymous: a.anonymous, distinctViewers: Math.max(a.distinct, a.viewers) }))
  await db.liveAudienceSample.createMany({ data })
  return { sampled: data.length, atCapacity }
}
