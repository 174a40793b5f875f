// A teacher claims a waiting recording. A guarded update (WAITING → CLAIMED) makes one claimant win even
// when two click at once; the other gets ALREADY_CLAIMED.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { recordingIdInputSchema } from "./schemas"

export async function claimRecording(input: { id: unknown }, teacher: { id: number }): Promise<void> {
  const { id } = recordingIdInputSchema.parse(input)
  const { count } = await db.claimableRecording.updateMany({
    where: { id, status: "WAITING" },
    data: { status: "CLAIMED", claimedById: teacher.id, claimedAt: new Date() },
  })
  if (count === 1) return
  const current = await db.claimableRecording.findUnique({ where: { id }, select: { status: true } })
  if (!current) throw new AppError("NOT_FOUND", { message: `no claimable recording ${id}` })
  if (current.status === "CONVERTING") throw new AppError("CONFLICT", { message: `recording ${id} is still being converted` })
  throw new AppError("ALREADY_CLAIMED", { message: `recording ${id} was claimed by someone else` })
}
