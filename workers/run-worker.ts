// Shared wiring of BullMQ workers: blocking Redis connection, bounded job retention, explicit
// concurrency, graceful close on SIGINT/SIGTERM, and self-healing: job schedulers and consumers are
// checked whenever Redis comes back (an empty Redis after a restart loses the schedulers) and every
// SELF_HEAL_CHECK_MS, and whatever is missing is re-created. Outages are logged quietly (see
// lib/health/outages.ts): one line when Redis goes down, reminders, one line when it is back.
import { UnrecoverableError, Worker, type Job, type Processor } from "bullmq"

import { getEnv } from "@/lib/config/env"
import { isAppError, isTransientError } from "@/lib/errors"
import { outageOf } from "@/lib/health/classify-outage"
import { reportDown, reportUp } from "@/lib/health/outages"
import { logger } from "@/lib/logger"
import { getQueue, JOB_DEFAULTS } from "@/lib/queues"
import { createRedis, getProducerRedis, withRedis } from "@/lib/redis"
import { queuePrefix } from "@/lib/redis-keys"

/** `attempts`: tries of each scheduled job (default 3); 1 for a job whose late run would be wrong (a sample). */
export type Schedule = { id: string; every: number; name: string; data: object; attempts?: number }

const scheduleJobOptions = (s: Schedule) => (s.attempts ? { ...SCHEDULE_JOB_OPTIONS, attempts: s.attempts } : SCHEDULE_JOB_OPTIONS)

/** One consumer of one queue; declared in workers/registry.ts. */
export type WorkerDefinition = {
  queue: string
  processor: Processor
  concurrency?: number
  /** Periodic jobs of this queue (BullMQ job schedulers). */
  schedules?: Schedule[]
  /** Resources of the processor to release on close (connections…). */
  close?: () => Promise<void> | void
  /** Opt in to the job error classification (classifyJobErrors): a permanent error fails the job at once. */
  classifyErrors?: { onGiveUp?: (job: Job) => Promise<void> }
}

/**
 * The one classification of a job's errors (style §5): a transient AppError (BBB, Redis or a database
 * unavailable) and an unknown error are rethrown, so BullMQ retries them with backoff; a permanent
 * AppError becomes an UnrecoverableError, so the job fails at once. `onGiveUp` runs before the job
 * fails for good: on a permanent error, or when its last attempt failed.
 */
export function classifyJobErrors(processor: Processor, onGiveUp?: (job: Job) => Promise<void>): Processor {
  return async (job, token, signal) => {
    try {
      return await processor(job, token, signal)
    } catch (error) {
      const permanent = isAppError(error) && !isTransientError(error)
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
      if (onGiveUp && (permanent || lastAttempt)) await onGiveUp(job)
      if (permanent) throw new UnrecoverableError((error as Error).message)
      throw error
    }
  }
}

/** The processor as the runner runs it: the definition's, classifying its errors when it opted in. */
export function jobProcessor(def: WorkerDefinition): Processor {
  return def.classifyErrors ? classifyJobErrors(def.processor, def.classifyErrors.onGiveUp) : def.processor
}

export type StartedWorker = { name: string; close(): Promise<void> }
/** The started workers, plus `heal()`: re-create missing schedulers and restart stopped consumers. */
export type StartedWorkers = StartedWorker[] & { heal(): Promise<string[]> }

const SCHEDULE_JOB_OPTIONS = { attempts: 3, backoff: { type: "exponential", delay: 1_000 }, removeOnComplete: 100, removeOnFail: 500 } as const

/** Creates or updates every schedule of these definitions. */
export async function upsertSchedules(definitions: WorkerDefinition[]): Promise<void> {
  for (const def of definitions) {
    for (const s of def.schedules ?? []) {
      const queue = getQueue(def.queue)
      await withRedis(getProducerRedis(), () => queue.upsertJobScheduler(s.id, { every: s.every }, { name: s.name, data: s.data, opts: scheduleJobOptions(s) }))
    }
  }
}

/** Re-creates the schedules Redis lost (only those: upserting an existing one would shift its next run). */
export async function ensureSchedules(definitions: WorkerDefinition[]): Promise<string[]> {
  const recreated: string[] = []
  for (const def of definitions) {
    for (const s of def.schedules ?? []) {
      const queue = getQueue(def.queue)
      const existing = await withRedis(getProducerRedis(), () => queue.getJobScheduler(s.id))
      if (existing) continue
      await withRedis(getProducerRedis(), () => queue.upsertJobScheduler(s.id, { every: s.every }, { name: s.name, data: s.data, opts: scheduleJobOptions(s) }))
      recreated.push(`schedule ${s.id}`)
    }
  }
  return recreated
}

type RunningWorker = StartedWorker & { ensureRunning(): string | null }

function runWorker(def: WorkerDefinition): RunningWorker {
  const connection = createRedis("worker")
  const worker = new Worker(def.queue, jobProcessor(def), {
    connection,
    prefix: queuePrefix(),
    concurrency: def.concurrency ?? 1,
    removeOnComplete: JOB_DEFAULTS.removeOnComplete,
    removeOnFail: JOB_DEFAULTS.removeOnFail,
  })
  let closing = false
  worker.on("error", (err) => {
    const outage = outageOf(err)
    // Redis outages are reported once by the producer connection (see startWorkers), not per retry.
    if (outage === "redis") return
    if (outage) reportDown(outage, err)
    // A job running when Redis restarted empty cannot be finished: expected, and the schedule re-runs it.
    else if (/^Missing key for job /.test(err.message)) logger.warn({ queue: def.queue, error: err.message }, "a job in progress was lost with Redis' data")
    else logger.error({ err, queue: def.queue }, "worker error")
  })
  worker.on("failed", (job, err) => {
    const outage = outageOf(err)
    if (outage) return reportDown(outage, err)
    logger.warn({ queue: def.queue, jobId: job?.id, attempts: job?.attemptsMade, err: { message: err.message, code: (err as { code?: string }).code } }, "job failed")
  })
  // Every job of ours reads or writes PostgreSQL: one that completes proves it answers.
  worker.on("completed", () => reportUp("postgresql"))
  logger.info({ queue: def.queue, concurrency: worker.opts.concurrency }, "worker started")
  return {
    name: def.queue,
    ensureRunning() {
      if (closing || worker.isRunning()) return null
      worker.run().catch((err: unknown) => logger.error({ err, queue: def.queue }, "worker stopped"))
      return `consumer ${def.queue}`
    },
    async close() {
      closing = true
      await worker.close()
      await def.close?.()
      connection.disconnect()
    },
  }
}

/**
 * Starts the workers and their schedules. Schedules and consumers come back by themselves after a
 * Redis restart (checked on reconnect and every SELF_HEAL_CHECK_MS).
 */
export async function startWorkers(definitions: WorkerDefinition[]): Promise<StartedWorkers> {
  await upsertSchedules(definitions)
  const producer = getProducerRedis()
  const running = definitions.map(runWorker)

  let healing: Promise<string[]> | null = null
  const heal = (): Promise<string[]> => {
    healing ??= (async () => {
      const restarted = running.map((w) => w.ensureRunning()).filter((x): x is string => x !== null)
      const recreated = await ensureSchedules(definitions)
      const all = [...recreated, ...restarted]
      if (all.length > 0) logger.warn({ recreated: all }, `re-created what was missing: ${all.join(", ")}`)
      return all
    })().finally(() => {
      healing = null
    })
    return healing
  }
  const healQuietly = () =>
    heal().catch((err: unknown) => {
      const outage = outageOf(err)
      if (outage) reportDown(outage, err)
      else logger.error({ err }, "self-healing check failed")
    })

  const onError = (err: Error) => reportDown("redis", err)
  const onReady = () => {
    reportUp("redis")
    void healQuietly()
  }
  producer.on("error", onError)
  producer.on("ready", onReady)
  // A timer rather than a job scheduler: this check must run when Redis lost every scheduler.
  const timer = setInterval(() => {
    if (producer.status === "ready") void healQuietly()
  }, getEnv().SELF_HEAL_CHECK_MS)

  const supervisor: StartedWorker = {
    name: "self-heal",
    async close() {
      clearInterval(timer)
      producer.off("error", onError)
      producer.off("ready", onReady)
    },
  }
  return Object.assign([...running.map(({ name, close }) => ({ name, close })), supervisor], { heal })
}

/** Closes the workers on SIGINT/SIGTERM, then exits. */
export function closeOnSignals(workers: StartedWorker[], extra: () => Promise<void> = async () => undefined): void {
  let closing = false
  const stop = async (signal: string) => {
    if (closing) return
    closing = true
    logger.info({ signal }, "closing workers")
    await Promise.allSettled(workers.map((w) => w.close()))
    await extra()
    process.exit(0)
  }
  process.on("SIGINT", () => void stop("SIGINT"))
  process.on("SIGTERM", () => void stop("SIGTERM"))
}
