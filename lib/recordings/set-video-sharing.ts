// Who may watch one of « Mes vidéos »: private, signed-in users, or anyone with its link.
import { db } from "@/lib/db"

import { findManagedVideo } from "./find-managed-video"
import { setVideoSharingInputSchema } from "./schemas"
import type { VideoViewer } from "./video-access"

export async function setVideoSharing(input: { id: unknown; sharing: unknown }, actor: VideoViewer): Promise<void> {
  const { id, sharing } = setVideoSharingInputSchema.parse(input)
  await db.$transaction(async (tx) => {
    await findManagedVideo(tx, id, actor)
    await tx.draftVideo.update({ where: { id }, data: { sharing } })
  })
}
