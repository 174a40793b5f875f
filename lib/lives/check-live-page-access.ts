// May this visitor see this live page? The nginx front's question before it serves a live page from
// its cache to a visitor with a session cookie (deploy/nginx: auth_request), answered by server.ts on
// every such request. Anonymous visitors of a members' page get UNAUTHENTICATED (the front then lets
// the app answer: the sign-in redirect); a page that does not exist is "none" (the app answers its 404).
//
// The visitor's session and account are read by the caller at every request. The page's audience is
// kept AUDIENCE_MEMO_MS per process: a lecture's audience asks about one page hundreds of times a
// second, and the audience only chooses which copy a member gets, never whether a visitor gets in. A
// live made restricted meanwhile is answered "public" for that second, so the front lets the app
// render each visitor's own page (with its own access check); one made public is answered "members",
// so signed-in visitors, who may see it anyway, get the members' copy.
import { AppError } from "@/lib/errors"

import { findLivePageAudience, type LivePageAudience } from "./find-live-page-audience"

export const AUDIENCE_MEMO_MS = 1_000
/** Slugs remembered at most (any path may be asked): the memo starts afresh beyond. */
const AUDIENCE_MEMO_SIZE = 10_000

const globalMemo = globalThis as unknown as { livePageAudiences?: Map<string, { until: number; audience: Promise<LivePageAudience | null> }> }
const memo = (globalMemo.livePageAudiences ??= new Map())

function audienceOf(slug: string): Promise<LivePageAudience | null> {
  const now = Date.now()
  const known = memo.get(slug)
  if (known && known.until > now) return known.audience
  if (memo.size >= AUDIENCE_MEMO_SIZE) memo.clear()
  const audience = findLivePageAudience(slug)
  memo.set(slug, { until: now + AUDIENCE_MEMO_MS, audience })
  // A failed lookup is not remembered: the next request asks again.
  audience.catch(() => memo.get(slug)?.audience === audience && memo.delete(slug))
  return audience
}

export async function checkLivePageAccess(slug: string, viewer: { id: number } | null): Promise<LivePageAudience | "none"> {
  const audience = await audienceOf(slug)
  if (audience === "members" && !viewer) throw new AppError("UNAUTHENTICATED", { details: { slug } })
  return audience ?? "none"
}
