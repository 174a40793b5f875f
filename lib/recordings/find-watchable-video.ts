// A video's page (/videos/watch/<token>): the video if this viewer may watch it, "removed" if its
// owner deleted it, NOT_FOUND otherwise, so that a link answers 404 to whoever it does not admit.
import { db } from "@/lib/db"
import { AppError } from "@/lib/errors"

import { VIDEO_SELECT } from "./list-my-videos"
import { videoTokenSchema } from "./schemas"
import { mayManageVideo, mayWatchVideo, type VideoViewer } from "./video-access"
import { videoFileSize } from "./video-files"

async function findVideoRow(token: unknown) {
  const parsed = videoTokenSchema.safeParse(token)
  if (!parsed.success) return null
  return db.draftVideo.findUnique({
    where: { shareToken: parsed.data },
    select: { ...VIDEO_SELECT, deletedAt: true, owner: { select: { firstName: true, lastName: true } } },
  })
}

/** The row behind a token, checked against the viewer: NOT_FOUND when not admitted, GONE-like "removed" when deleted. */
export async function findAdmittedVideo(token: unknown, viewer: VideoViewer) {
  const row = await findVideoRow(token)
  if (!row || !mayWatchVideo(row, viewer)) throw new AppError("NOT_FOUND", { message: "no video for this address" })
  return row
}

export async function findWatchableVideo(token: unknown, viewer: VideoViewer) {
  const { sourcePath, deletedAt, ...row } = await findAdmittedVideo(token, viewer)
  if (deletedAt) return { removed: true as const }
  return { removed: false as const, video: { ...row, sizeBytes: await videoFileSize(sourcePath), canManage: mayManageVideo(row, viewer) } }
}
export type WatchableVideoView = Extract<Awaited<ReturnType<typeof findWatchableVideo>>, { removed: false }>["video"]
