// Job contracts of the meetings domain (queue names and defaults live in lib/queues.ts).
import { z } from "zod"

import { addJobs, QUEUES } from "@/lib/queues"

export const MEETINGS_SYNC_SCHEDULER_ID = "meetings-sync-every"
export const MEETINGS_PURGE_SCHEDULER_ID = "meetings-purge-daily"

/** A sync of every session, or (with `meetingID`, BBB's external id) a targeted refresh of one. */
export const meetingsSyncJobSchema = z.object({
  reason: z.enum(["schedule", "manual", "webhook"]).default("schedule"),
  meetingID: z.string().min(1).optional(),
})
export type MeetingsSyncJob = z.infer<typeof meetingsSyncJobSchema>

export const meetingEndedJobSchema = z.object({ meetingId: z.number().int().positive() })
export type MeetingEndedJob = z.infer<typeof meetingEndedJobSchema>

/** Job id of a meeting-ended event: one per meeting, whoever reports it (ids are not all digits). */
export function meetingEndedJobId(meetingId: number): string {
  return `meeting-ended-${meetingId}`
}

/** Emits "these meetings ended" as durable jobs (idempotent: one job id per meeting). */
export async function enqueueMeetingsEnded(meetingIds: number[]): Promise<void> {
  await addJobs(
    QUEUES.meetingEnded,
    meetingIds.map((meetingId) => ({
      name: "meeting-ended",
      data: { meetingId } satisfies MeetingEndedJob,
      opts: { jobId: meetingEndedJobId(meetingId) },
    })),
  )
}
