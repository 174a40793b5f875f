// One tick of the audience sampler (a worker job every AUDIENCE_SAMPLE_INTERVAL_MS): each live on air
// gets one sample of its viewers now (lib/lives/track-live-viewer.ts counts them in Redis) in one
// Redis round trip and one insert. Redis down: the job fails and no sample is written, so the curve
// shows a gap rather than an invented value. A live that restarts keeps its id: one curve.
import type { Redis } from "ioredis"

import { db } from "@/lib/db"
import { readLivesAudience } from "@/lib/lives/track-live-viewer"
import { getProducerRedis } from "@/lib/redis"

/** Lives whose page is watched: on air, or restarting (the page stays open meanwhile). */
const ON_AIR = ["RUNNING", "STOPPING"] as const

export async function recordAudienceSamples(options: { now?: Date; redis?: Redis } = {}): Promise<{ sampled: number }> {
  const lives = await db.live.findMany({ where: { status: { in: [...ON_AIR] } }, select: { id: true } })
  if (lives.length === 0) return { sampled: 0 }
  const audience = await readLivesAudience(
    lives.map((l) => l.id),
    options.redis ?? getProducerRedis(),
  )
  const at = options.now ?? new Date()
  const data = [...audience].map(([liveId, a]) => ({ liveId, at, viewers: a.viewers, signedIn: a.signedIn, anonymous: a.anonymous, distinctViewers: Math.max(a.distinct, a.viewers) }))
  await db.liveAudienceSample.createMany({ data })
  return { sampled: data.length }
}
