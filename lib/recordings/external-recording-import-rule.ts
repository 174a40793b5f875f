// Which external recordings a teacher may ask to import ("Importer" in Mes vidéos externes): the one
// rule, used by the guarded update that queues the import and by the list that shows the button.
// Besides a recording never imported, one whose import failed or was refused may be asked again, and
// so may one still IMPORT_QUEUED: when Redis was down the row stays queued without a job, and clicking
// again is how the teacher retries (the job id derives from the row, so a double click never doubles it).
import type { Prisma } from "@/lib/generated/prisma/client"

export const IMPORTABLE_TYPES = ["BIGBLUEBUTTON", "VIDEO"] as const

const REQUESTABLE_STATES = ["IMPORT_QUEUED", "IMPORT_FAILED", "IMPORT_REFUSED", "IMPORT_NO_SPACE"] as const

/** The rows an import may be requested for, as a Prisma filter (the guarded update's condition). */
export const importableWhere = {
  type: { in: [...IMPORTABLE_TYPES] },
  OR: [{ state: null }, { state: { in: [...REQUESTABLE_STATES] } }],
} satisfies Prisma.ExternalRecordingWhereInput

export function isImportableType(type: string): boolean {
  return (IMPORTABLE_TYPES as readonly string[]).includes(type)
}

/** The same rule as importableWhere, for a row already read. */
export function canRequestImport(recording: { type: string; state: string | null }): boolean {
  return isImportableType(recording.type) && (recording.state === null || (REQUESTABLE_STATES as readonly string[]).includes(recording.state))
}
