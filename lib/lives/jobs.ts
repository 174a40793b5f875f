// Job contract of the `lives` queue (consumed by the orchestrator, workers/registry.ts): something
// changed that may let a waiting live start (a request, a freed slot) or a periodic scan. Each job
// runs the same idempotent scan (lib/streamers/run-lives-scan.ts); the live rows are the truth.
import { z } from "zod"

import { addJob, QUEUES } from "@/lib/queues"

export const LIVES_SCAN_SCHEDULER_ID = "lives-scan-every"

export const livesJobSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("requested"), liveId: z.number().int().positive() }),
  z.object({ action: z.literal("slot-freed"), liveId: z.number().int().positive() }),
  z.object({ action: z.literal("scan") }),
])
export type LivesJob = z.infer<typeof livesJobSchema>

/** One "requested" job per live: a re-post or a double click never doubles it. */
export function liveJobId(liveId: number): string {
  return `live-requested-${liveId}`
}

/** Signals the orchestrator that a live was requested. Fails fast (QUEUE_UNAVAILABLE) when Redis is down. */
export async function enqueueLiveRequested(liveId: number): Promise<void> {
  await addJob(QUEUES.lives, { name: "requested", data: { action: "requested", liveId } satisfies LivesJob, opts: { jobId: liveJobId(liveId) } })
}

/** Signals that a live released its slot, so a waiting live can take it now rather than at the next scan. */
export async function enqueueSlotFreed(liveId: number): Promise<void> {
  await addJob(QUEUES.lives, { name: "slot-freed", data: { action: "slot-freed", liveId } satisfies LivesJob, opts: { jobId: `live-slot-freed-${liveId}` } })
}
