// Removes one of the teacher's external recordings; someone else's is "not found", never deleted.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { recordingIdInputSchema } from "./schemas"

export async function deleteExternalRecording(input: { id: unknown }, owner: { id: number }): Promise<void> {
  const { id } = recordingIdInputSchema.parse(input)
  const { count } = await db.externalRecording.deleteMany({ where: { id, ownerId: owner.id } })
  if (count === 0) throw new AppError("NOT_FOUND", { message: `no external recording ${id} of user ${owner.id}` })
}
