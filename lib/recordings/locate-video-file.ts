// The file request of a video (/videos/watch/<token>/file): the same admission as its page, then the
// front's internal path of the file (X-Accel-Redirect; nginx sends it with range requests).
import { AppError } from "@/lib/errors"

import { findAdmittedVideo } from "./find-watchable-video"
import type { VideoViewer } from "./video-access"
import { videoContentType, videoDownloadName, videoFileSize, videoInternalPath } from "./video-files"

export async function locateVideoFile(token: unknown, viewer: VideoViewer): Promise<{ internalPath: string; contentType: string; downloadName: string }> {
  const row = await findAdmittedVideo(token, viewer)
  const internalPath = row.deletedAt ? null : videoInternalPath(row.sourcePath)
  if (!internalPath || (await videoFileSize(row.sourcePath)) === null) throw new AppError("NOT_FOUND", { message: `video ${row.id}: no file to serve` })
  return { internalPath, contentType: videoContentType(row.sourcePath), downloadName: videoDownloadName(row.title, row.sourcePath) }
}
