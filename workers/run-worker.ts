// Shared wiring of BullMQ workers: blocking Redis connection, pino logging of errors and failures,
// bounded job retention, explicit concurrency, job schedulers re-asserted whenever Redis comes back
// (an empty Redis after a restart loses them), graceful close on SIGINT/SIGTERM.
import { Worker, type Processor } from "bullmq"

import { getEnv } from "@/lib/config/env"
import { logger } from "@/lib/logger"
import { getQueue, JOB_DEFAULTS } from "@/lib/queues"
import { createRedis, getProducerRedis, withRedis } from "@/lib/redis"

export type Schedule = { id: string; every: number; name: string; data: object }

/** One consumer of one queue; declared in workers/registry.ts. */
export type WorkerDefinition = {
  queue: string
  processor: Processor
  concurrency?: number
  /** Periodic jobs of this queue (BullMQ job schedulers). */
  schedules?: Schedule[]
  /** Resources of the processor to release on close (connections…). */
  close?: () => Promise<void> | void
}

export type StartedWorker = { name: string; close(): Promise<void> }

export async function upsertSchedules(definitions: WorkerDefinition[]): Promise<void> {
  for (const def of definitions) {
    for (const s of def.schedules ?? []) {
      const queue = getQueue(def.queue)
      await withRedis(getProducerRedis(), () =>
        queue.upsertJobScheduler(s.id, { every: s.every }, { name: s.name, data: s.data, opts: { attempts: 3, backoff: { type: "exponential", delay: 1_000 }, removeOnComplete: 100, removeOnFail: 500 } }),
      )
    }
  }
}

function runWorker(def: WorkerDefinition): StartedWorker {
  const connection = createRedis("worker")
  const worker = new Worker(def.queue, def.processor, {
    connection,
    prefix: getEnv().QUEUE_PREFIX,
    concurrency: def.concurrency ?? 1,
    removeOnComplete: JOB_DEFAULTS.removeOnComplete,
    removeOnFail: JOB_DEFAULTS.removeOnFail,
  })
  worker.on("error", (err) => logger.error({ err, queue: def.queue }, "worker error"))
  worker.on("failed", (job, err) =>
    logger.warn({ queue: def.queue, jobId: job?.id, attempts: job?.attemptsMade, err: { message: err.message, code: (err as { code?: string }).code } }, "job failed"),
  )
  logger.info({ queue: def.queue, concurrency: worker.opts.concurrency }, "worker started")
  return {
    name: def.queue,
    async close() {
      await worker.close()
      await def.close?.()
      connection.disconnect()
    },
  }
}

/** Starts the workers and their schedules; schedules come back by themselves after a Redis restart. */
export async function startWorkers(definitions: WorkerDefinition[]): Promise<StartedWorker[]> {
  await upsertSchedules(definitions)
  const producer = getProducerRedis()
  let wasDown = false
  producer.on("close", () => {
    wasDown = true
  })
  producer.on("ready", () => {
    if (!wasDown) return
    wasDown = false
    upsertSchedules(definitions).then(
      () => logger.info("Redis is back: job schedules re-asserted"),
      (err: unknown) => logger.error({ err }, "Redis is back but the job schedules could not be re-asserted"),
    )
  })
  return definitions.map(runWorker)
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
