// Recordings waiting in the claim directories (downloaded videos; conversions still running are shown
// as such and cannot be claimed yet).
// Each names its recorder (RECORDER_NAMES; null when the setting does not name it).
import { getEnv } from "@/lib/config/env"
import { db } from "@/lib/db"

export async function listClaimableRecordings() {
  const names = getEnv().RECORDER_NAMES
  const rows = await db.claimableRecording.findMany({
    where: { status: { in: ["WAITING", "CONVERTING"] } },
    select: { id: true, title: true, recorder: true, startAt: true, status: true },
    orderBy: [{ startAt: "desc" }, { id: "desc" }],
    take: 500,
  })
  return rows.map((row) => ({ ...row, recorderName: names[row.recorder] ?? null }))
}
export type ClaimableRecordingView = Awaited<ReturnType<typeof listClaimableRecordings>>[number]
