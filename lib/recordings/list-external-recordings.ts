// "Mes vidéos externes": the teacher's own external recordings, newest first, each with whether an
// import may be asked for it (the rule of external-recording-import-rule.ts, as the action applies it).
import { db } from "@/lib/db"

import { canRequestImport } from "./external-recording-import-rule"

export async function listExternalRecordings(owner: { id: number }) {
  const rows = await db.externalRecording.findMany({
    where: { ownerId: owner.id },
    select: { id: true, name: true, state: true, startAt: true, type: true, sourceUrl: true },
    orderBy: [{ startAt: "desc" }, { id: "desc" }],
  })
  return rows.map((row) => ({ ...row, canImport: canRequestImport(row) }))
}
export type ExternalRecordingView = Awaited<ReturnType<typeof listExternalRecordings>>[number]
