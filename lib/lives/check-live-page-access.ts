// May this visitor see this live page? The nginx front's question before it serves a live page from
// its cache to a visitor with a session cookie (deploy/nginx: auth_request), answered by server.ts.
// Anonymous visitors of a members' page get UNAUTHENTICATED (the front then lets the app answer: the
// sign-in redirect); a page that does not exist is "none" (the app answers its 404).
import { AppError } from "@/lib/errors"

import { findLivePageAudience, type LivePageAudience } from "./find-live-page-audience"

export async function checkLivePageAccess(slug: string, viewer: { id: number } | null): Promise<LivePageAudience | "none"> {
  const audience = await findLivePageAudience(slug)
  if (audience === "members" && !viewer) throw new AppError("UNAUTHENTICATED", { details: { slug } })
  return audience ?? "none"
}
