// audience-sample queue: a job scheduler (AUDIENCE_SAMPLE_INTERVAL_MS) records one sample per live on
// air; a failed tick (Redis or PostgreSQL down) is not retried: a late sample would be a wrong one,
// the curve shows a gap instead. audience-purge: daily, the retention (AUDIENCE_RETENTION_DAYS).
import { AUDIENCE_PURGE_SCHEDULER_ID, AUDIENCE_SAMPLE_SCHEDULER_ID } from "@/lib/audience/jobs"
import { purgeAudience } from "@/lib/audience/purge-audience"
import { recordAudienceSamples } from "@/lib/audience/record-audience-samples"
import type { Env } from "@/lib/config/env"
import { QUEUES } from "@/lib/queues"

import type { WorkerDefinition } from "./run-worker"

export function audienceSampleWorker(env: Env): WorkerDefinition {
  return {
    queue: QUEUES.audienceSample,
    schedules: [{ id: AUDIENCE_SAMPLE_SCHEDULER_ID, every: env.AUDIENCE_SAMPLE_INTERVAL_MS, name: "sample", data: {}, attempts: 1 }],
    processor: async () => recordAudienceSamples(),
  }
}

export function audiencePurgeWorker(): WorkerDefinition {
  return {
    queue: QUEUES.audiencePurge,
    schedules: [{ id: AUDIENCE_PURGE_SCHEDULER_ID, every: 24 * 3600 * 1000, name: "purge", data: {} }],
    processor: async () => purgeAudience(),
  }
}
