// One tick of the audience sampler (a worker job every AUDIENCE_SAMPLE_INTERVAL_MS): each live on air
// gets one sample of its viewers now (lib/lives/track-live-viewer.ts counts them in Redis, with the
// renditions their players report: lib/lives/report-viewer-rendition.ts) in one
// Redis round trip and one insert. Redis down: the job fails and no sample is written, so the curve
// shows a gap rather than an invented value. A live that restarts keeps its id: one curve.
// A tick that finds the active lives at BBB_NUMBER_MAX_LIVES also records a capacity sample (the admin
// overview's time at full capacity: when it grows, add streamer servers).
import type { Redis } from "ioredis"

import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"
import { countActiveLives } from "@/lib/lives/count-active-lives"
import { readLivesAudience } from "@/lib/lives/track-live-viewer"
import { getProducerRedis } from "@/lib/redis"

/** Lives whose page is watched: on air, or restarting (the page stays open meanwhile). */
const ON_AIR = ["RUNNING", "STOPPING"] as const

export async function recordAudienceSamples(options: { now?: Date; redis?: Redis } = {}): Promise<{ sampled: number; atCapacity: boolean }> {
  const env = getEnv()
  // The lives to sample are chosen by their status (what the page shows), the cap's count by what
  // holds resources (countActiveLives); both are the same lives in a consistent database.
  const [lives, activeLives] = await Promise.all([
    db.live.findMany({ where: { status: { in: [...ON_AIR] } }, select: { id: true } }),
    countActiveLives(),
  ])
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
  const data = [...audience].map(([liveId, a]) => ({
    liveId,
    at,
    viewers: a.viewers,
    signedIn: a.signedIn,
    anonymous: a.anonymous,
    distinctViewers: Math.max(a.distinct, a.viewers),
    // Viewers per rendition their player reported; none reported (no player says, e.g. Safari): NULL.
    renditions: Object.keys(a.renditions).length > 0 ? a.renditions : undefined,
  }))
  await db.liveAudienceSample.createMany({ data })
  return { sampled: data.length, atCapacity }
}
