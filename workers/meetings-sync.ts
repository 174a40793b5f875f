// meetings-sync queue: a repeatable job (MEETINGS_SYNC_INTERVAL_MS) that runs the meeting sync.
// Transient failures (BBB or database unavailable) are retried with backoff; the sync itself holds
// a PostgreSQL advisory lock so two runs never overlap, even across processes.
import { Queue, UnrecoverableError, type Job } from "bullmq"

import { getBbbClient } from "@/lib/bbb/get-bbb-client"
import { getEnv } from "@/lib/config/env"
import { isAppError, isTransientError } from "@/lib/errors"
import {
  MEETINGS_PURGE_QUEUE,
  MEETINGS_PURGE_SCHEDULER_ID,
  MEETINGS_SYNC_QUEUE,
  MEETINGS_SYNC_SCHEDULER_ID,
  meetingsSyncJobSchema,
} from "@/lib/meetings/jobs"
import { purgeMeetings } from "@/lib/meetings/purge-meetings"
import { runMeetingsSync } from "@/lib/meetings/run-meetings-sync"
import { createRedis } from "@/lib/redis"

import { runWorker, type StartedWorker } from "./run-worker"

export async function scheduleMeetingsSync(): Promise<void> {
  const connection = createRedis("worker")
  const queue = new Queue(MEETINGS_SYNC_QUEUE, { connection })
  await queue.upsertJobScheduler(
    MEETINGS_SYNC_SCHEDULER_ID,
    { every: getEnv().MEETINGS_SYNC_INTERVAL_MS },
    {
      name: "sync",
      data: { reason: "schedule" },
      opts: { attempts: 3, backoff: { type: "exponential", delay: 1_000 }, removeOnComplete: 100, removeOnFail: 500 },
    },
  )
  await queue.close()
  const purge = new Queue(MEETINGS_PURGE_QUEUE, { connection })
  await purge.upsertJobScheduler(MEETINGS_PURGE_SCHEDULER_ID, { every: 24 * 3600 * 1000 }, { name: "purge", data: {} })
  await purge.close()
  connection.disconnect()
}

/** Daily purge of old, unpublished meetings (BBB_NUMBER_DAYS_BEFORE_DELETE; 0 = never). */
export function startMeetingsPurgeWorker(): StartedWorker {
  return runWorker(MEETINGS_PURGE_QUEUE, async () => purgeMeetings())
}

export function startMeetingsSyncWorker(): StartedWorker {
  const redis = createRedis("worker")
  const queueConnection = createRedis("worker")
  const worker = runWorker(MEETINGS_SYNC_QUEUE, async (job: Job) => {
    meetingsSyncJobSchema.parse(job.data)
    try {
      const result = await runMeetingsSync({ source: getBbbClient(), redis, queue: { connection: queueConnection } })
      return result.skipped ? { skipped: true } : { meetings: result.meetings, changed: result.changed, ended: result.endedMeetingIds.length }
    } catch (error) {
      if (isTransientError(error) || !isAppError(error)) throw error
      throw new UnrecoverableError((error as Error).message)
    }
  })
  return {
    name: worker.name,
    async close() {
      await worker.close()
      redis.disconnect()
      queueConnection.disconnect()
    },
  }
}
