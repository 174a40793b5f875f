// Deletes one of « Mes vidéos »: the row is kept, marked deleted (so that its link says the video was
// removed instead of "not found"), and the file is removed from disk; someone watching it loses the
// next range of the file and their player says the video is no longer available.
import { rm } from "node:fs/promises"

import { db } from "@/lib/db"
import { logger } from "@/lib/logger"

import { findManagedVideo } from "./find-managed-video"
import { videoIdInputSchema } from "./schemas"
import type { VideoViewer } from "./video-access"
import { videoInternalPath } from "./video-files"

export async function deleteVideo(input: { id: unknown }, actor: VideoViewer): Promise<{ title: string }> {
  const { id } = videoIdInputSchema.parse(input)
  const row = await db.$transaction(async (tx) => {
    const video = await findManagedVideo(tx, id, actor)
    await tx.draftVideo.update({ where: { id }, data: { deletedAt: new Date(), liveId: null } })
    return video
  })
  // Only a file under the served roots is ours to remove (another video never shares it: names carry ids).
  if (videoInternalPath(row.sourcePath)) {
    await rm(row.sourcePath, { force: true }).catch((error: unknown) => logger.warn({ err: error, videoId: id }, "deleted video's file could not be removed"))
  }
  return { title: row.title }
}
