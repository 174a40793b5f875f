// An import that will not be retried is marked failed, so the teacher sees it and may try again.
import { db } from "@/lib/db"

import type { RecordingImportJob } from "./import-jobs"

export async function markExternalRecordingImportFailed(job: RecordingImportJob): Promise<void> {
  await db.externalRecording.updateMany({ where: { id: job.externalRecordingId, state: "IMPORT_QUEUED" }, data: { state: "IMPORT_FAILED" } })
}
