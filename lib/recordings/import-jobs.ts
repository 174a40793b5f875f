// Queue contract of "import" in Mes vidéos externes: the row is marked IMPORT_QUEUED first, then signalled
// with a job whose id derives from it (a double click never doubles the import).
import { z } from "zod"

import { addJob, QUEUES } from "@/lib/queues"

export const RECORDINGS_IMPORT_QUEUE = QUEUES.recordingsImport

export const recordingImportJobSchema = z.object({ externalRecordingId: z.number().int().positive() })
export type RecordingImportJob = z.infer<typeof recordingImportJobSchema>

export function recordingImportJobId(job: RecordingImportJob): string {
  return `import-${job.externalRecordingId}`
}

/** Throws QUEUE_UNAVAILABLE when Redis is down (the row stays IMPORT_QUEUED). */
export async function enqueueRecordingImport(job: RecordingImportJob): Promise<void> {
  await addJob(RECORDINGS_IMPORT_QUEUE, {
    name: "import",
    data: recordingImportJobSchema.parse(job),
    opts: { jobId: recordingImportJobId(job), attempts: 3, backoff: { type: "exponential", delay: 5_000 } },
  })
}
