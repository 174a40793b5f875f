// Whether an open live page stream may stay open: asked at each heartbeat of the stream with the
// viewer as the session reads now (lib/auth: an ended session or a deactivated account is nobody).
// The same rule as when the stream opened (findViewableLive's, through the one light query of
// findLivePageAudience); a signed-in viewer who is now nobody (or someone else) is out too, even on
// a public live: their own chat outcomes came with the stream.
import { findLivePageAudience } from "./find-live-page-audience"

export async function canStillViewLive(input: { slug: string; openedBy: { id: number } | null; viewerNow: { id: number } | null }): Promise<boolean> {
  if (input.openedBy && input.openedBy.id !== input.viewerNow?.id) return false
  const audience = await findLivePageAudience(input.slug)
  if (audience === null) return false
  return audience === "public" || input.viewerNow !== null
}
