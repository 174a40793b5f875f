// Where a video's file is, for « Mes vidéos »: every file lives under one of two roots the nginx front
// serves itself (internal locations, reached only through the app's X-Accel-Redirect after its access
// check): DEFAULT_BBB_PATH (imports, recorded lives) and DEFAULT_RECORDER_PATH (claimed recordings).
// A path outside both, or a file gone from disk, is "missing": the row says so instead of a broken player.
import { stat } from "node:fs/promises"
import path from "node:path"

import { getEnv } from "@/lib/config/env"
import { VIDEO_FILES_INTERNAL_PREFIX, type VideoFilesRoot } from "@/lib/config/front-contract"

const CONTENT_TYPES: Record<string, string> = {
  ".mp4": "video/mp4",
  ".m4v": "video/mp4",
  ".mov": "video/quicktime",
  ".webm": "video/webm",
  ".mkv": "video/x-matroska",
  ".ogv": "video/ogg",
}

function roots(): Record<VideoFilesRoot, string> {
  const env = getEnv()
  return { recordings: path.resolve(env.DEFAULT_BBB_PATH), recorder: path.resolve(env.DEFAULT_RECORDER_PATH) }
}

/** The front's internal path of a file (percent-encoded per segment), or null outside the served roots. */
export function videoInternalPath(sourcePath: string): string | null {
  const file = path.resolve(sourcePath)
  for (const [root, dir] of Object.entries(roots()) as [VideoFilesRoot, string][]) {
    const relative = path.relative(dir, file)
    if (!relative || relative.startsWith("..") || path.isAbsolute(relative)) continue
    return `${VIDEO_FILES_INTERNAL_PREFIX}${root}/${relative.split(path.sep).map(encodeURIComponent).join("/")}`
  }
  return null
}

/** The file's size in bytes, or null when it cannot be served (gone, empty, or outside the roots). */
export async function videoFileSize(sourcePath: string): Promise<number | null> {
  if (!videoInternalPath(sourcePath)) return null
  try {
    const info = await stat(sourcePath)
    return info.isFile() && info.size > 0 ? info.size : null
  } catch {
    return null
  }
}

export function videoContentType(sourcePath: string): string {
  return CONTENT_TYPES[path.extname(sourcePath).toLowerCase()] ?? "application/octet-stream"
}

/** A download name from the title, keeping the file's extension. */
export function videoDownloadName(title: string, sourcePath: string): string {
  const base = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9._ -]+/g, "-").trim().slice(0, 120) || "video"
  return `${base}${path.extname(sourcePath).toLowerCase()}`
}
