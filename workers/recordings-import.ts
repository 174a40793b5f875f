// recordings-import queue: "Importer" in Mes vidéos externes. Transient failures (old BBB unreachable)
// are retried with backoff; the last failure, or a permanent one, marks the row IMPORT_FAILED (the
// classification is the runner's: classifyJobErrors in run-worker.ts).
import type { Job } from "bullmq"

import type { Env } from "@/lib/config/env"
import { getExternalVideoFetchPolicy } from "@/lib/recordings/external-video-fetch-policy"
import { importExternalRecordingVideo } from "@/lib/recordings/import-external-recording-video"
import { RECORDINGS_IMPORT_QUEUE, recordingImportJobSchema } from "@/lib/recordings/import-jobs"
import { markExternalRecordingImportFailed } from "@/lib/recordings/mark-external-recording-import-failed"

import type { WorkerDefinition } from "./run-worker"

export function recordingsImportWorker(env: Env): WorkerDefinition {
  const importDirectory = `${env.DEFAULT_BBB_PATH}/imports`
  const fetchPolicy = getExternalVideoFetchPolicy(env)
  return {
    queue: RECORDINGS_IMPORT_QUEUE,
    processor: async (job: Job) => ({ outcome: await importExternalRecordingVideo(recordingImportJobSchema.parse(job.data), { importDirectory, fetchPolicy }) }),
    classifyErrors: {
      onGiveUp: async (job) => {
        // a payload that is not ours names no row to mark
        const data = recordingImportJobSchema.safeParse(job.data)
        if (data.success) await markExternalRecordingImportFailed(data.data)
      },
    },
  }
}
