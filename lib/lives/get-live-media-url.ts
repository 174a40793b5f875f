// Where a viewer's player loads a live's HLS (the origin's master playlist), under the page's access
// rule (a restricted live is refused to anonymous visitors): a public live's URL as it is; a restricted
// live's signed for HLS_TOKEN_TTL_SECONDS (lib/lives/hls-token.ts). The origin then checks every
// playlist and fragment against the token itself: a viewer costs the app one request per token
// lifetime (the player renews before it expires), never one per fragment, and one who loses access
// (deactivated, signed out) fetches nothing new once the token expired.
import { getEnv } from "@/lib/config/env"
import { AppError } from "@/lib/errors"

import { findViewableLiveHlsUrl } from "./find-viewable-live"
import { hlsTokenSecret, signHlsUrl, type MediaUrl } from "./hls-token"

export async function getLiveMediaUrl(slug: string, viewer: { id: number } | null, now = new Date()): Promise<MediaUrl> {
  const live = await findViewableLiveHlsUrl(slug, viewer)
  // An ended live keeps its address but has no stream any more.
  if (!live.hlsUrl) throw new AppError("STREAM_UNAVAILABLE", { details: { slug, status: live.status } })
  const env = getEnv()
  return signHlsUrl(live.hlsUrl, { secret: hlsTokenSecret(env), ttlSeconds: env.HLS_TOKEN_TTL_SECONDS, now })
}
