// The one place for queue names, job defaults and producers. Each domain's jobs.ts holds its job
// schemas and ids and enqueues through addJob(); workers are declared in workers/registry.ts.
// Producers share the fail-fast Redis connection: Redis down surfaces as QUEUE_UNAVAILABLE within
// two seconds instead of hanging a request or a job (the database row stays the truth).
import { Queue, type JobsOptions } from "bullmq"

import { getProducerRedis, withRedis } from "@/lib/redis"
import { queuePrefix } from "@/lib/redis-keys"

export const QUEUES = {
  /** Scheduled: one getMeetings sync (lib/meetings). */
  meetingsSync: "meetings-sync",
  /** Scheduled daily: purge of old unpublished meetings (lib/meetings). */
  meetingsPurge: "meetings-purge",
  /** One job per meeting that ended: stop its live (lib/lives). */
  meetingEnded: "meeting-ended",
  /** Give free slots to waiting lives, time out stuck ones (lib/streamers); also scheduled. */
  lives: "lives",
  /** "Importer" in Mes vidéos externes: download a recording into a draft video (lib/recordings). */
  recordingsImport: "recordings-import",
  /** Presentation-only recordings waiting for conversion into a video (lib/recordings; consumed by the encoders). */
  recordingsConvert: "recordings-convert",
  /** Scheduled every AUDIENCE_SAMPLE_INTERVAL_MS: one audience sample per live on air (lib/audience). */
  audienceSample: "audience-sample",
  /** Scheduled daily: purge of audience samples and chat transcripts past AUDIENCE_RETENTION_DAYS (lib/audience). */
  audiencePurge: "audience-purge",
  /** Scheduled: (re-)register our bbb-webhooks callback on each BBB server (lib/bbb-webhooks). */
  bbbWebhooks: "bbb-webhooks",
} as const

/** Each streamer server's agent consumes its own queue: start and stop the streamers of its slots. */
export function streamerQueue(serverNumber: number): string {
  return `streamer-${serverNumber}`
}

/** Retries with backoff, bounded retention: the defaults of every job unless a producer says otherwise. */
export const JOB_DEFAULTS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { count: 1_000, age: 24 * 3600 },
  removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
} as const satisfies JobsOptions

const globalForQueues = globalThis as unknown as { queues?: Map<string, Queue> }

/** The cached producer of a queue (one per queue name and key prefix in the process). */
export function getQueue(name: string): Queue {
  const prefix = queuePrefix()
  const cache = (globalForQueues.queues ??= new Map())
  const key = `${prefix}/${name}`
  let queue = cache.get(key)
  if (!queue) {
    queue = new Queue(name, { connection: getProducerRedis(), prefix, defaultJobOptions: JOB_DEFAULTS })
    queue.on("error", () => undefined) // surfaced by withRedis as QUEUE_UNAVAILABLE
    cache.set(key, queue)
  }
  return queue
}

export type JobToAdd = { name: string; data: object; opts?: JobsOptions }

/** Adds jobs (ids given in opts make them idempotent); throws QUEUE_UNAVAILABLE when Redis is down. */
export async function addJobs(queueName: string, jobs: JobToAdd[]): Promise<void> {
  if (jobs.length === 0) return
  const queue = getQueue(queueName)
  await withRedis(getProducerRedis(), () => queue.addBulk(jobs))
}

export async function addJob(queueName: string, job: JobToAdd): Promise<void> {
  await addJobs(queueName, [job])
}

/** Closes the cached producers (end of a CLI or a test file). */
export async function closeQueues(): Promise<void> {
  const cache = globalForQueues.queues
  if (!cache) return
  await Promise.allSettled([...cache.values()].map((q) => q.close()))
  cache.clear()
}
