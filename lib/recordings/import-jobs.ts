// Queue contract of "import" in Mes vidéos externes: the row is marked IMPORT_QUEUED first, then signalled
// with a job whose id derives from it (a double click never doubles the import).
import { Queue } from "bullmq"
import type { Redis } from "ioredis"
import { z } from "zod"

import { QUEUES } from "@/lib/queues"
import { withRedis } from "@/lib/redis"
import { queuePrefix } from "@/lib/redis-keys"

export const RECORDINGS_IMPORT_QUEUE = QUEUES.recordingsImport

export const recordingImportJobSchema = z.object({ externalRecordingId: z.number().int().positive() })
export type RecordingImportJob = z.infer<typeof recordingImportJobSchema>

export function recordingImportJobId(job: RecordingImportJob): string {
  return `import-${job.externalRecordingId}`
}

const queues = new WeakMap<Redis, Queue>()

export async function enqueueRecordingImport(redis: Redis, job: RecordingImportJob): Promise<void> {
  let queue = queues.get(redis)
  if (!queue) {
    queue = new Queue(RECORDINGS_IMPORT_QUEUE, { connection: redis, prefix: queuePrefix() })
    queue.on("error", () => undefined) // surfaced by withRedis as QUEUE_UNAVAILABLE
    queues.set(redis, queue)
  }
  const q = queue
  await withRedis(redis, () =>
    q.add("import", recordingImportJobSchema.parse(job), {
      jobId: recordingImportJobId(job),
      attempts: 3,
      backoff: { type: "exponential", delay: 5_000 },
      removeOnComplete: { count: 1_000, age: 24 * 3600 },
      removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
    }),
  )
}
