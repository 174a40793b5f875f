// Which answers a shared cache in front of the app (the nginx front, deploy/nginx/) may keep for a
// few seconds: the pages of the Directs (/lives) and of each live (/lives/<slug>) asked by an
// anonymous visitor (no next-auth session cookie), with GET or HEAD. proxy.ts marks them with
// `X-Accel-Expires: <PUBLIC_PAGE_CACHE_SECONDS>`; nginx stores only what carries that header.
//
// Why this is safe:
// - An anonymous visitor's Directs page and live page hold nothing of that visitor: the player's
//   state, the live's status, the viewer count and the chat all come from the live's event stream
//   (never cached); a restricted live answers every anonymous visitor with the same redirect to
//   sign-in. The language is the only thing that varies, and the front keys its entries on what the
//   app negotiates it from (the NEXT_LOCALE cookie, then Accept-Language).
// - A signed-in visitor (any session cookie, valid or not) is never marked here, and the front
//   neither serves nor stores a request that carries one; an answer that sets a cookie is never
//   stored either.
// - The CSP nonce of a kept page is shared by the visitors of one cache window (seconds) only, and
//   the kept bytes are fixed: injected markup would have to be in the page before the nonce was
//   drawn, so it still cannot know it in advance.
// - Client-side navigations (RSC requests: `RSC` header or `_rsc` query) are not seen by proxy.ts
//   (Next.js strips those before it runs): the front bypasses them itself.

/** next-auth's session cookie: `__Secure-` prefixed on https (lib/auth/options.ts useSecureCookies), `.N` when chunked. */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/

/** The Directs page or a live page. */
export function isPublicPagePath(pathname: string): boolean {
  return pathname === "/lives" || /^\/lives\/[^/]+$/.test(pathname)
}

/** Whether one of these cookie names is a next-auth session (the visitor may be signed in). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true
  return false
}

/**
 * Seconds a shared cache may keep the answer to this request (the `X-Accel-Expires` value), or 0:
 * not to be kept. `seconds` is the PUBLIC_PAGE_CACHE_SECONDS setting (0 turns the cache off).
 */
export function getSharedCacheSeconds(input: { method: string; pathname: string; cookieNames: Iterable<string>; seconds: number }): number {
  if (input.seconds <= 0) return 0
  if (input.method !== "GET" && input.method !== "HEAD") return 0
  if (!isPublicPagePath(input.pathname)) return 0
  if (hasSessionCookie(input.cookieNames)) return 0
  return input.seconds
}
