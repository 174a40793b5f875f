// Queue contract of presentation conversions: a presentation-only recording claimed by the migration is
// written first (ClaimableRecording, status CONVERTING), then signalled with a job whose id derives from
// the row, so a re-run never doubles it. The converter (bbb-recorder) reads the playback by originRecordId.
import { z } from "zod"

import { addJob, QUEUES } from "@/lib/queues"

export const RECORDINGS_CONVERT_QUEUE = QUEUES.recordingsConvert

export const recordingConvertJobSchema = z.object({ claimableRecordingId: z.number().int().positive() })
export type RecordingConvertJob = z.infer<typeof recordingConvertJobSchema>

export function recordingConvertJobId(job: RecordingConvertJob): string {
  return `convert-${job.claimableRecordingId}`
}

/** Throws QUEUE_UNAVAILABLE when Redis is down (the row stays CONVERTING; the next run queues it again). */
export async function enqueueRecordingConversion(job: RecordingConvertJob): Promise<void> {
  await addJob(RECORDINGS_CONVERT_QUEUE, {
    name: "convert",
    data: recordingConvertJobSchema.parse(job),
    opts: { jobId: recordingConvertJobId(job), attempts: 3, backoff: { type: "exponential", delay: 10_000 } },
  })
}
