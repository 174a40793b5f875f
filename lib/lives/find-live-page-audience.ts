// Who a live page is for, without reading the live itself: "public" (anyone), "members" (signed-in
// users only: a restricted live or broadcaster) or null (no such page). The same rule as
// findViewableLive, in one light query: the proxy asks it to know whether a signed-in visitor's page
// is the same for every member (lib/security/shared-cache.ts), and the nginx front asks it, through
// checkLivePageAccess, before serving a members' page from its cache.
import { db } from "@/lib/db"

import { isLookupSlug } from "./decode-slug"
import { endedLivePageWhere } from "./find-viewable-live"

export type LivePageAudience = "public" | "members"

export async function findLivePageAudience(slug: string): Promise<LivePageAudience | null> {
  if (!isLookupSlug(slug)) return null
  const broadcaster = await db.broadcaster.findUnique({ where: { slug }, select: { isRestricted: true, live: { select: { isRestricted: true } } } })
  if (broadcaster?.live) return broadcaster.isRestricted || broadcaster.live.isRestricted ? "members" : "public"
  // An ended live whose broadcaster went (findViewableLive's findEndedLive).
  const ended = await db.live.findFirst({
    where: endedLivePageWhere(slug),
    orderBy: { id: "desc" },
    select: { isRestricted: true },
  })
  if (!ended) return null
  return ended.isRestricted ? "members" : "public"
}
