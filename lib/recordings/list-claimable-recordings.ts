// Recordings waiting in the claim directories (downloaded videos; conversions still running are shown
// as such and cannot be claimed yet).
import { db } from "@/lib/db"

export async function listClaimableRecordings() {
  return db.claimableRecording.findMany({
    where: { status: { in: ["WAITING", "CONVERTING"] } },
    select: { id: true, title: true, recorder: true, startAt: true, status: true },
    orderBy: [{ startAt: "desc" }, { id: "desc" }],
    take: 500,
  })
}
export type ClaimableRecordingView = Awaited<ReturnType<typeof listClaimableRecordings>>[number]
