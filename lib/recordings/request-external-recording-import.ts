// "Importer" in Mes vidéos externes: marks the teacher's recording IMPORT_QUEUED (a guarded update: an
// import already done or converting is not started again) and signals the import worker. Redis down:
// the row stays queued and the teacher may click again (the job id makes it idempotent).
import type { Redis } from "ioredis"

import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { enqueueRecordingImport } from "./import-jobs"
import { recordingIdInputSchema } from "./schemas"

export const IMPORTABLE_TYPES = ["BIGBLUEBUTTON", "VIDEO"] as const

export async function requestExternalRecordingImport(input: { id: unknown }, owner: { id: number }, redis: Redis): Promise<void> {
  const { id } = recordingIdInputSchema.parse(input)
  const { count } = await db.externalRecording.updateMany({
    where: { id, ownerId: owner.id, type: { in: [...IMPORTABLE_TYPES] }, OR: [{ state: null }, { state: { in: ["IMPORT_QUEUED", "IMPORT_FAILED", "IMPORT_REFUSED"] } }] },
    data: { state: "IMPORT_QUEUED", uploadedById: owner.id },
  })
  if (count === 0) {
    const row = await db.externalRecording.findFirst({ where: { id, ownerId: owner.id }, select: { type: true } })
    if (!row) throw new AppError("NOT_FOUND", { message: `no external recording ${id} of user ${owner.id}` })
    if (!(IMPORTABLE_TYPES as readonly string[]).includes(row.type)) throw new AppError("IMPORT_NOT_SUPPORTED", { message: `no automatic import of ${row.type}` })
    throw new AppError("CONFLICT", { message: `external recording ${id} is already imported or converting` })
  }
  await enqueueRecordingImport(redis, { externalRecordingId: id })
}
