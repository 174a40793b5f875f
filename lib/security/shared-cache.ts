// Which answers a shared cache in front of the app (the nginx front, deploy/nginx/) may keep for a
// few seconds, and for whom. proxy.ts asks getSharedAudience for every request; when it answers, the
// proxy marks the answer `X-Accel-Expires: <PUBLIC_PAGE_CACHE_SECONDS>` (nginx stores only what
// carries it) and tells the render with the SHARED_RENDER_HEADER request header, so that the page
// holds nothing of the visitor. Two audiences:
// - "anonymous": the Directs page (/lives) and a live page (/lives/<slug>) asked without a session
//   cookie. Such a page holds nothing of the visitor: the player's state, the live's status, the
//   viewer count and the chat come from the live's event stream (never cached); a restricted live
//   answers every anonymous visitor with the same redirect to sign-in.
// - "members": the page of a members-only live (restricted live or broadcaster) asked by a signed-in
//   visitor whose account is active. It is rendered for no one in particular: the header learns the
//   account in the browser (GET /api/me), the chat shows its send box (every member may send) and
//   the viewer's own relay outcomes come with the event stream. The front serves such a copy only to
//   a visitor the app has just let in (its auth_request to /api/lives/<slug>/access), and keeps
//   members' copies apart from anonymous ones.
// In both, the language is the only thing that varies: the front keys its entries on what the app
// negotiates it from (the NEXT_LOCALE cookie, then Accept-Language).
//
// Why this is safe:
// - The audience is decided here, before the render, and the render obeys it: a page told "members"
//   never reads the visitor (app/_lib/shared-render.ts), so its bytes cannot hold another member's.
// - A signed-in visitor of any other page (a public live's page too: the chat shows the visitor's
//   own messages' outcomes and the send box) is never marked, and the front neither serves nor
//   stores such a request; an answer that sets a cookie is never stored either.
// - The CSP nonce of a kept page is shared by the visitors of one cache window (seconds) only, and
//   the kept bytes are fixed: injected markup would have to be in the page before the nonce was
//   drawn, so it still cannot know it in advance.
// - Client-side navigations (RSC requests: `RSC` header or `_rsc` query) are not seen by proxy.ts
//   (Next.js strips those before it runs): the front bypasses them itself.

import { decodeSlug } from "@/lib/lives/decode-slug"
import { LIVE_PAGE_PATH, LIVES_PATH, SESSION_COOKIE_PATTERN } from "@/lib/config/front-contract"

/** Who a kept answer is for (see above). */
export type SharedAudience = "anonymous" | "members"

/** The request header by which proxy.ts tells the render its audience (any value a client sent is replaced). */
export const SHARED_RENDER_HEADER = "x-bbb-shared-render"

/** The Directs page or a live page. */
export function isPublicPagePath(pathname: string): boolean {
  return pathname === LIVES_PATH || LIVE_PAGE_PATH.test(pathname)
}

/** The slug of a live page's path, or null. */
export function livePageSlug(pathname: string): string | null {
  const match = LIVE_PAGE_PATH.exec(pathname)
  return match ? decodeSlug(match[1]!) : null
}

/** Whether one of these cookie names is a next-auth session (the visitor may be signed in). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE_PATTERN.test(name)) return true
  return false
}

export type SharedCacheRequest = {
  method: string
  pathname: string
  cookieNames: Iterable<string>
  /** The PUBLIC_PAGE_CACHE_SECONDS setting (0 turns the cache off). */
  seconds: number
  /** Whether the session cookie names an active account (asked only for a live page with one). */
  isSignedIn: () => Promise<boolean>
  /** Whether this live page is for signed-in users only (asked only for a live page with a session cookie). */
  isMembersOnly: (slug: string) => Promise<boolean>
}

/** Who may share the answer to this request, or null: it is this visitor's own and must not be kept. */
export async function getSharedAudience(request: SharedCacheRequest): Promise<SharedAudience | null> {
  if (request.seconds <= 0) return null
  if (request.method !== "GET" && request.method !== "HEAD") return null
  if (!isPublicPagePath(request.pathname)) return null
  if (!hasSessionCookie(request.cookieNames)) return "anonymous"
  const slug = livePageSlug(request.pathname)
  if (slug === null) return null
  // Members only first: on a public live's page a signed-in visitor is never shared, whoever it is.
  if (!(await request.isMembersOnly(slug))) return null
  return (await request.isSignedIn()) ? "members" : null
}
