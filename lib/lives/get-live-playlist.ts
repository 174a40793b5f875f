// The HLS playlist of a live, for viewers allowed to see it (findViewableLiveHlsUrl, the page's rule:
// a restricted live's playlist is refused to anonymous visitors). nginx-rtmp's playlist names its segments relative to
// itself; we return it with each segment (and any other URI) made absolute at the HLS origin, so the
// player fetches segments from nginx directly while the playlist — the only way to learn the segment
// names, which carry the live's unguessable stream key — passes through this access check.
import { AppError } from "@/lib/errors"
import { logger } from "@/lib/logger"

import { findViewableLiveHlsUrl } from "./find-viewable-live"

const FETCH_TIMEOUT_MS = 3_000

/** Rewrites every URI of an HLS playlist (segment lines and URI="…" attributes) against `base`. */
export function absolutisePlaylist(text: string, base: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const trimmed = line.trim()
      if (trimmed === "") return line
      if (trimmed.startsWith("#")) return line.replace(/URI="([^"]*)"/g, (_, uri: string) => `URI="${new URL(uri, base).toString()}"`)
      return new URL(trimmed, base).toString()
    })
    .join("\n")
}

export async function getLivePlaylist(slug: string, viewer: { id: number } | null): Promise<string> {
  const live = await findViewableLiveHlsUrl(slug, viewer)
  // An ended live keeps its address but has no stream any more.
  if (!live.hlsUrl) throw new AppError("STREAM_UNAVAILABLE", { details: { slug, status: live.status } })
  let response: Response
  try {
    response = await fetch(live.hlsUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), cache: "no-store" })
  } catch (error) {
    logger.warn({ err: error, slug }, "HLS server unreachable")
    throw new AppError("STREAM_UNAVAILABLE", { cause: error, details: { slug } })
  }
  // No playlist yet (the streamer has just started) or any more: the player retries.
  if (response.status === 404) throw new AppError("STREAM_UNAVAILABLE", { details: { slug, status: 404 } })
  if (!response.ok) throw new AppError("STREAM_UNAVAILABLE", { details: { slug, status: response.status } })
  const text = await response.text()
  if (!text.startsWith("#EXTM3U")) throw new AppError("STREAM_UNAVAILABLE", { details: { slug, reason: "not a playlist" } })
  return absolutisePlaylist(text, live.hlsUrl)
}
