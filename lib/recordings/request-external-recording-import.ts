// "Importer" in Mes vidéos externes: marks the teacher's recording IMPORT_QUEUED (a guarded update: an
// import already done or converting is not started again) and signals the import worker. Redis down:
// the row stays queued and the teacher may click again (the job id makes it idempotent).
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { importableWhere, isImportableType } from "./external-recording-import-rule"
import { enqueueRecordingImport } from "./import-jobs"
import { recordingIdInputSchema } from "./schemas"

export async function requestExternalRecordingImport(input: { id: unknown }, owner: { id: number }): Promise<void> {
  const { id } = recordingIdInputSchema.parse(input)
  const { count } = await db.externalRecording.updateMany({
    where: { id, ownerId: owner.id, ...importableWhere },
    data: { state: "IMPORT_QUEUED", uploadedById: owner.id },
  })
  if (count === 0) {
    const row = await db.externalRecording.findFirst({ where: { id, ownerId: owner.id }, select: { type: true } })
    if (!row) throw new AppError("NOT_FOUND", { message: `no external recording ${id} of user ${owner.id}` })
    if (!isImportableType(row.type)) throw new AppError("IMPORT_NOT_SUPPORTED", { message: `no automatic import of ${row.type}` })
    throw new AppError("CONFLICT", { message: `external recording ${id} is already imported or converting` })
  }
  await enqueueRecordingImport({ externalRecordingId: id })
}
