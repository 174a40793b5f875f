// Queue contract of presentation conversions: a presentation-only recording claimed by the migration is
// written first (ClaimableRecording, status CONVERTING), then signalled with a job whose id derives from
// the row, so a re-run never doubles it. The converter (bbb-recorder) reads the playback by originRecordId.
import { Queue } from "bullmq"
import type { Redis } from "ioredis"
import { z } from "zod"

import { QUEUES } from "@/lib/queues"
import { withRedis } from "@/lib/redis"
import { queuePrefix } from "@/lib/redis-keys"

export const RECORDINGS_CONVERT_QUEUE = QUEUES.recordingsConvert

export const recordingConvertJobSchema = z.object({ claimableRecordingId: z.number().int().positive() })
export type RecordingConvertJob = z.infer<typeof recordingConvertJobSchema>

export function recordingConvertJobId(job: RecordingConvertJob): string {
  return `convert-${job.claimableRecordingId}`
}

const queues = new WeakMap<Redis, Queue>()

export async function enqueueRecordingConversion(redis: Redis, job: RecordingConvertJob): Promise<void> {
  let queue = queues.get(redis)
  if (!queue) {
    queue = new Queue(RECORDINGS_CONVERT_QUEUE, { connection: redis, prefix: queuePrefix() })
    queue.on("error", () => undefined) // surfaced by withRedis as QUEUE_UNAVAILABLE
    queues.set(redis, queue)
  }
  const q = queue
  await withRedis(redis, () =>
    q.add("convert", recordingConvertJobSchema.parse(job), {
      jobId: recordingConvertJobId(job),
      attempts: 3,
      backoff: { type: "exponential", delay: 10_000 },
      removeOnComplete: { count: 1_000, age: 24 * 3600 },
      removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
    }),
  )
}

export async function closeRecordingConversionQueue(redis: Redis): Promise<void> {
  await queues.get(redis)?.close()
  queues.delete(redis)
}
