// Shared wiring of BullMQ workers: blocking Redis connection, pino logging of errors and failures,
// bounded job retention, explicit concurrency, graceful close on SIGINT/SIGTERM.
import { Worker, type Processor, type WorkerOptions } from "bullmq"

import { logger } from "@/lib/logger"
import { createRedis } from "@/lib/redis"

export type StartedWorker = { name: string; close(): Promise<void> }

export function runWorker(queue: string, processor: Processor, options: Partial<WorkerOptions> = {}): StartedWorker {
  const connection = createRedis("worker")
  const worker = new Worker(queue, processor, {
    connection,
    concurrency: 1,
    removeOnComplete: { count: 1_000, age: 24 * 3600 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
    ...options,
  })
  worker.on("error", (err) => logger.error({ err, queue }, "worker error"))
  worker.on("failed", (job, err) =>
    logger.warn({ queue, jobId: job?.id, attempts: job?.attemptsMade, err: { message: err.message, code: (err as { code?: string }).code } }, "job failed"),
  )
  logger.info({ queue, concurrency: worker.opts.concurrency }, "worker started")
  return {
    name: queue,
    async close() {
      await worker.close()
      connection.disconnect()
    },
  }
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
