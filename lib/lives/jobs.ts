// Queue contract of the live orchestrator: a requested live is written first (status REQUESTED),
// then signalled with a job whose id derives from the live, so a re-post never doubles it.
import { Queue } from "bullmq"
import { z } from "zod"

import { getProducerRedis, withRedis } from "@/lib/redis"

export const LIVES_QUEUE = "lives"

export const liveJobSchema = z.object({ liveId: z.number().int().positive(), action: z.enum(["start", "stop"]) })
export type LiveJob = z.infer<typeof liveJobSchema>

export function liveJobId(job: LiveJob): string {
  return `live-${job.action}-${job.liveId}`
}

let queue: Queue | undefined

/** Signals the orchestrator. Fails fast (QUEUE_UNAVAILABLE upstream) when Redis is down. */
export async function enqueueLiveJob(job: LiveJob): Promise<void> {
  const redis = getProducerRedis()
  if (!queue) {
    queue = new Queue(LIVES_QUEUE, { connection: redis })
    queue.on("error", () => undefined) // surfaced by withRedis as QUEUE_UNAVAILABLE
  }
  const q = queue
  await withRedis(redis, () => q.add(job.action, job, {
    jobId: liveJobId(job),
    attempts: 5,
    backoff: { type: "exponential", delay: 2_000 },
    removeOnComplete: { count: 1_000, age: 24 * 3600 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
  }))
}
