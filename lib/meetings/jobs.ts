// Queue contracts of the meetings domain: producers and workers import the same names and schemas.
import { Queue, type ConnectionOptions } from "bullmq"
import { z } from "zod"

export const MEETINGS_SYNC_QUEUE = "meetings-sync"
export const MEETINGS_SYNC_SCHEDULER_ID = "meetings-sync-every"
export const MEETINGS_PURGE_QUEUE = "meetings-purge"
export const MEETINGS_PURGE_SCHEDULER_ID = "meetings-purge-daily"
/** One job per meeting that ended, consumed by the live orchestrator to stop its live. */
export const MEETING_ENDED_QUEUE = "meeting-ended"

export const meetingsSyncJobSchema = z.object({ reason: z.enum(["schedule", "manual"]).default("schedule") })
export type MeetingsSyncJob = z.infer<typeof meetingsSyncJobSchema>

export const meetingEndedJobSchema = z.object({ meetingId: z.number().int().positive() })
export type MeetingEndedJob = z.infer<typeof meetingEndedJobSchema>

/** Job id of a meeting-ended event: one per meeting, whoever reports it (ids are not all digits). */
export function meetingEndedJobId(meetingId: number): string {
  return `meeting-ended-${meetingId}`
}

export const MEETING_JOB_DEFAULTS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { count: 1_000, age: 24 * 3600 },
  removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
} as const

/** Emits "these meetings ended" as durable jobs (idempotent: one job id per meeting). */
export async function enqueueMeetingsEnded(connection: ConnectionOptions, meetingIds: number[], prefix?: string): Promise<void> {
  if (meetingIds.length === 0) return
  const queue = new Queue(MEETING_ENDED_QUEUE, { connection, prefix })
  try {
    await queue.addBulk(
      meetingIds.map((meetingId) => ({
        name: "meeting-ended",
        data: { meetingId } satisfies MeetingEndedJob,
        opts: { jobId: meetingEndedJobId(meetingId), ...MEETING_JOB_DEFAULTS },
      })),
    )
  } finally {
    await queue.close()
  }
}
