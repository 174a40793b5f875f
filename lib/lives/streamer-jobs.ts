// Job contract of the streamer agents' queues (`streamer-<server>`, lib/queues.ts): start or stop the
// streamer of one live on this server, or reconcile the server's slots (scheduled tick). The live row
// is the truth; a job only says "look at it now". Job ids carry the live's status generation, so a
// later start of the same live (after a restart) is not mistaken for the earlier one.
// Kept in lib/lives, beside the lives queue's contract: lives (stop) and lib/streamers (start) both
// produce these jobs, and lib/streamers depends on lib/lives, never the reverse.
import { z } from "zod"

import { addJob, streamerQueue } from "@/lib/queues"

export const streamerJobSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("start"), liveId: z.number().int().positive() }),
  z.object({ action: z.literal("stop"), liveId: z.number().int().positive() }),
  z.object({ action: z.literal("tick") }),
])
export type StreamerJob = z.infer<typeof streamerJobSchema>

export function agentTickSchedulerId(serverNumber: number): string {
  return `agent-tick-${serverNumber}`
}

export async function enqueueStreamerJob(
  serverNumber: number,
  job: { action: "start" | "stop"; liveId: number; generation: Date },
): Promise<void> {
  await addJob(streamerQueue(serverNumber), {
    name: job.action,
    data: { action: job.action, liveId: job.liveId } satisfies StreamerJob,
    opts: { jobId: `${job.action}-${job.liveId}-${job.generation.getTime()}`, attempts: 1 },
  })
}
