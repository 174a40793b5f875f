// A teacher claims a waiting recording: it becomes one of the teacher's draft videos. A guarded update
// (WAITING → CLAIMED) in the same transaction makes one claimant win even when two click at once; the
// other gets ALREADY_CLAIMED and nothing is created for them.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { recordingIdInputSchema } from "./schemas"
import { videoFileSize } from "./video-files"

export async function claimRecording(input: { id: unknown }, teacher: { id: number }): Promise<{ draftVideoId: number; shareToken: string; title: string }> {
  const { id } = recordingIdInputSchema.parse(input)
  const draft = await db.$transaction(async (tx) => {
    const { count } = await tx.claimableRecording.updateMany({
      where: { id, status: "WAITING" },
      data: { status: "CLAIMED", claimedById: teacher.id, claimedAt: new Date() },
    })
    if (count === 0) return null
    const recording = await tx.claimableRecording.findUniqueOrThrow({ where: { id }, select: { title: true, sourceFile: true } })
    // The recorder's file is on disk already: its size is stored now, so that lists never read the disk.
    const sizeBytes = await videoFileSize(recording.sourceFile)
    return tx.draftVideo.create({ data: { ownerId: teacher.id, title: recording.title, sourcePath: recording.sourceFile, origin: "CLAIM", sizeBytes }, select: { id: true, shareToken: true, title: true } })
  })
  if (draft) return { draftVideoId: draft.id, shareToken: draft.shareToken, title: draft.title }
  const current = await db.claimableRecording.findUnique({ where: { id }, select: { status: true } })
  if (!current) throw new AppError("NOT_FOUND", { message: `no claimable recording ${id}` })
  if (current.status === "CONVERTING") throw new AppError("CONFLICT", { message: `recording ${id} is still being converted` })
  throw new AppError("ALREADY_CLAIMED", { message: `recording ${id} was claimed by someone else` })
}
