// Renames one of « Mes vidéos » (its owner or an admin).
import { db } from "@/lib/db"

import { findManagedVideo } from "./find-managed-video"
import { renameVideoInputSchema } from "./schemas"
import type { VideoViewer } from "./video-access"

export async function renameVideo(input: { id: unknown; title: unknown }, actor: VideoViewer): Promise<void> {
  const { id, title } = renameVideoInputSchema.parse(input)
  await db.$transaction(async (tx) => {
    await findManagedVideo(tx, id, actor)
    await tx.draftVideo.update({ where: { id }, data: { title } })
  })
}
