// recordings-import queue: "Importer" in Mes vidéos externes. Transient failures (old BBB unreachable)
// are retried with backoff; the last failure, or a permanent one, marks the row IMPORT_FAILED.
import { UnrecoverableError, type Job } from "bullmq"

import type { Env } from "@/lib/config/env"
import { isAppError, isTransientError } from "@/lib/errors"
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
    processor: async (job: Job) => {
      const data = recordingImportJobSchema.parse(job.data)
      try {
        return { outcome: await importExternalRecordingVideo(data, { importDirectory, fetchPolicy }) }
      } catch (error) {
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1)
        const permanent = isAppError(error) && !isTransientError(error)
        if (permanent || lastAttempt) await markExternalRecordingImportFailed(data)
        if (permanent) throw new UnrecoverableError((error as Error).message)
        throw error
      }
    },
  }
}
