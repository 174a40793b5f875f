// A live page's player says which rendition it plays (issue 23: "renditions in use where the player
// reports it"): the audience sampler then counts the viewers present on each (readLivesAudience).
// The report is kept per viewer (an account, or an anonymous browser's cookie id: the same person the
// presence counts), the last one winning, for as long as the live's renditions key lives: a viewer
// whose event stream reconnects keeps its rendition. Nothing but a name of the ladder is accepted
// (liveRenditionSchema); a viewer with no identity (no cookie yet) is not recorded.
// Best effort: Redis down loses a report, never the page.
import type { Redis } from "ioredis"

import { getProducerRedis, withRedis } from "@/lib/redis"

import { findViewableLive } from "./find-viewable-live"
import type { LiveRendition } from "./schemas"
import { viewerOf, viewerRenditionsKey, type ViewerIdentity } from "./track-live-viewer"

/** How long a live's reports outlive the last one (a live is never that long; a restart keeps them). */
const REPORTS_TTL_S = 2 * 24 * 3600
/**
 * At most this many viewers' reports per live: anonymous ids are the browser's own word, so a
 * client forging ids could otherwise grow the key at will (the sampler reads only viewers present).
 */
export const MAX_RENDITION_REPORTS = 20_000

/** Sets the viewer's rendition unless the key is full of other viewers; renews the key's lifetime. */
const REPORT_SCRIPT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
`

const ON_AIR = new Set(["RUNNING", "STOPPING"])

/**
 * Records the rendition `who` plays on the live page `slug` (same access rule as the page: a
 * restricted live refuses anonymous viewers). Returns whether it was recorded: not for a live off
 * air, a viewer with no identity, or a full key.
 */
export async function reportViewerRendition(
  input: { slug: string; rendition: LiveRendition },
  viewer: { user: { id: number } | null; browserId?: string },
  redis: Redis = getProducerRedis(),
): Promise<{ recorded: boolean }> {
  const live = await findViewableLive(input.slug, viewer.user)
  const who: ViewerIdentity | null = viewer.user ? { userId: viewer.user.id } : viewer.browserId ? { browserId: viewer.browserId } : null
  if (!who || !ON_AIR.has(live.status)) return { recorded: false }
  const recorded = await withRedis(redis, () => redis.eval(REPORT_SCRIPT, 1, viewerRenditionsKey(live.liveId), viewerOf(who), input.rendition, MAX_RENDITION_REPORTS, REPORTS_TTL_S)).catch(() => 0)
  return { recorded: Number(recorded) === 1 }
}
