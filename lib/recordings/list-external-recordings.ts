// "Mes vidéos externes": the teacher's own external recordings, newest first.
import { db } from "@/lib/db"

export async function listExternalRecordings(owner: { id: number }) {
  return db.externalRecording.findMany({
    where: { ownerId: owner.id },
    select: { id: true, name: true, state: true, startAt: true, type: true, sourceUrl: true },
    orderBy: [{ startAt: "desc" }, { id: "desc" }],
  })
}
export type ExternalRecordingView = Awaited<ReturnType<typeof listExternalRecordings>>[number]
