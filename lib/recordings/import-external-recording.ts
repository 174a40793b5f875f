// One BigBlueButton external recording per owner ("Mes vidéos externes"). The unique (sourceUrl, owner)
// key makes re-runs create nothing twice; a dry run only counts.
import { db } from "@/lib/db"

import type { MigrationRow } from "./recording-row"

export async function importExternalRecording(input: {
  row: MigrationRow
  ownerIds: (number | null)[]
  dry: boolean
}): Promise<{ created: number; duplicates: number }> {
  const { row } = input
  const known = input.ownerIds.filter((id): id is number => id !== null)
  if (input.dry) {
    const existing = await db.externalRecording.count({ where: { sourceUrl: row.sourceUrl, ownerId: { in: known } } })
    return { created: input.ownerIds.length - existing, duplicates: existing }
  }
  const { count } = await db.externalRecording.createMany({
    data: known.map((ownerId) => ({
      name: row.recordingName || row.meetingName || row.recordID,
      startAt: row.startDate ? new Date(row.startDate) : new Date(),
      ownerId,
      type: "BIGBLUEBUTTON" as const,
      sourceUrl: row.sourceUrl,
    })),
    skipDuplicates: true,
  })
  return { created: count, duplicates: known.length - count }
}
