// meetings-sync queue: a job scheduler (MEETINGS_SYNC_INTERVAL_MS) runs the meeting sync (only every
// MEETINGS_FULL_SYNC_INTERVAL_MS while bbb-webhooks are healthy). Transient
// failures (BBB or database unavailable) are retried with backoff, permanent ones fail the job at once
// (classifyJobErrors in run-worker.ts); the sync itself holds a PostgreSQL
// advisory lock so two runs never overlap, even across processes.
import type { Job } from "bullmq"

import { getBbbClient } from "@/lib/bbb/get-bbb-client"
import type { Env } from "@/lib/config/env"
import { MEETINGS_PURGE_SCHEDULER_ID, MEETINGS_SYNC_SCHEDULER_ID, meetingsSyncJobSchema } from "@/lib/meetings/jobs"
import { purgeMeetings } from "@/lib/meetings/purge-meetings"
import { runMeetingRefresh, runMeetingsSync, runScheduledMeetingsSync } from "@/lib/meetings/run-meetings-sync"
import { QUEUES } from "@/lib/queues"
import { createRedis } from "@/lib/redis"

import type { WorkerDefinition } from "./run-worker"

export function meetingsSyncWorker(env: Env): WorkerDefinition {
  const redis = createRedis("worker")
  return {
    queue: QUEUES.meetingsSync,
    schedules: [{ id: MEETINGS_SYNC_SCHEDULER_ID, every: env.MEETINGS_SYNC_INTERVAL_MS, name: "sync", data: { reason: "schedule" } }],
    processor: async (job: Job) => {
      const data = meetingsSyncJobSchema.parse(job.data)
      if (data.meetingID) return await runMeetingRefresh({ source: getBbbClient(), redis, meetingID: data.meetingID })
      const result = data.reason === "schedule" ? await runScheduledMeetingsSync({ source: getBbbClient(), redis }) : await runMeetingsSync({ source: getBbbClient(), redis })
      return result.skipped ? { skipped: true } : { meetings: result.meetings, changed: result.changed, ended: result.endedMeetingIds.length }
    },
    classifyErrors: {},
    close: () => redis.disconnect(),
  }
}

/** Daily purge of old, unpublished meetings (BBB_NUMBER_DAYS_BEFORE_DELETE; 0 = never). */
export function meetingsPurgeWorker(): WorkerDefinition {
  return {
    queue: QUEUES.meetingsPurge,
    schedules: [{ id: MEETINGS_PURGE_SCHEDULER_ID, every: 24 * 3600 * 1000, name: "purge", data: {} }],
    processor: async () => purgeMeetings(),
  }
}
