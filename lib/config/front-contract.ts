// What the app and its nginx front (deploy/nginx/bbb-pod-live.conf) must agree on: the paths the front
// treats apart, the cookies it reads, the headers it passes or reads. The template cannot import
// TypeScript, so lib/config/front-contract.test.ts parses it and checks it against this module:
// change a name here and that test names the template line to change with it. The chain from a
// request to the file that answers it: server/README.md and docs/architecture.md.
// ------------------------------------------------------------------------------------------ cookies

/**
 * next-auth's session cookie (lib/auth/options.ts keeps next-auth's default name): `__Secure-`
 * prefixed when APP_URL is https (useSecureCookies), `.0`, `.1`… when chunked. Its presence is the
 * front's "may be signed in" (map $bbb_pod_live_session) and the proxy's (lib/security/shared-cache.ts).
 */
export const SESSION_COOKIE = "next-auth.session-token"
export const SECURE_COOKIE_PREFIX = "__Secure-"
export const SESSION_COOKIE_PATTERN = new RegExp(`^(${escapeRegExp(SECURE_COOKIE_PREFIX)})?${escapeRegExp(SESSION_COOKIE)}(\\.\\d+)?$`)

// The language cookie, part of the front's cache key (map $bbb_pod_live_locale_cookie), is
// LOCALE_COOKIE of lib/i18n/locales.ts; the test checks the template against it there.

// ------------------------------------------------------------------------------------------ paths

/** The Directs page; `/lives/<slug>` is a live page. Both micro-cached by the front (location ~ ^/lives…). */
export const LIVES_PATH = "/lives"
/** A live page's path; group 1 is its slug as written in the path (percent-encoded). */
export const LIVE_PAGE_PATH = /^\/lives\/([^/]+)$/

/** The change feed (app/api/events/route.ts, a Next.js route): an event stream, never buffered by the front. */
export const EVENTS_PATH = "/api/events"
/** A live page's event stream (server/live-events-server.ts): never buffered by the front. */
export const LIVE_EVENTS_PATH = /^\/api\/lives\/([^/]+)\/events\/?$/
/** The front's auth_request before it serves a members' copy (server/viewer-server.ts). */
export const LIVE_ACCESS_PATH = /^\/api\/lives\/([^/]+)\/access\/?$/
/** Who is signed in, asked by the header of a members' render (server/viewer-server.ts). */
export const ME_PATH = /^\/api\/me\/?$/
/** The build's files (Next.js): immutable, passed through by the front. */
export const NEXT_STATIC_PREFIX = "/_next/static/"

/**
 * « Mes vidéos »: the files are served by the front itself (range requests, never streamed by Node)
 * through internal locations under this prefix, one per root (`<prefix>recordings/` = DEFAULT_BBB_PATH,
 * `<prefix>recorder/` = DEFAULT_RECORDER_PATH). Only an X-Accel-Redirect from the app reaches them, after
 * its access check (app/videos/watch/[token]/file/route.ts).
 */
export const VIDEO_FILES_INTERNAL_PREFIX = "/_bbb_pod_live_files/"
export const VIDEO_FILES_ROOTS = ["recordings", "recorder"] as const
export type VideoFilesRoot = (typeof VIDEO_FILES_ROOTS)[number]
/** The app's answer that hands a file to the front. */
export const ACCEL_REDIRECT_HEADER = "X-Accel-Redirect"

/** The canonical path of a live's event stream (components/lives/use-live-events.ts asks it). */
export function liveEventsPath(slug: string): string {
  return `/api/lives/${encodeURIComponent(slug)}/events`
}

/** The canonical path of the access question. */
export function liveAccessPath(slug: string): string {
  return `/api/lives/${encodeURIComponent(slug)}/access`
}

/** The canonical path of GET /api/me (components/layout/header-viewer.ts asks it). */
export const ME_PATHNAME = "/api/me"

// ------------------------------------------------------------------------------------------ headers

/**
 * The access answer's audience (204 + this header: public | members | none). The front copies it
 * into $bbb_pod_live_access_audience (auth_request_set) and shares a copy only on "members".
 */
export const LIVE_AUDIENCE_HEADER = "X-Live-Audience"
/** The access answer the front shares a members' copy on (lib/lives/find-live-page-audience.ts). */
export const MEMBERS_AUDIENCE = "members"

/**
 * Set by proxy.ts on a shareable answer (lib/security/shared-cache.ts): nginx stores only what carries
 * it (the front has no proxy_cache_valid and must never list it in proxy_ignore_headers).
 */
export const CACHE_EXPIRES_HEADER = "X-Accel-Expires"

/** Written by the front, read by the app only from TRUSTED_PROXIES (lib/security/request-origin.ts, lib/auth/options.ts). */
export const FORWARDED_HOST_HEADER = "X-Forwarded-Host"
export const FORWARDED_PROTO_HEADER = "X-Forwarded-Proto"
export const FORWARDED_FOR_HEADER = "X-Forwarded-For"

/** A client-side navigation of the App Router (Next.js's names): the front never caches it, the proxy never sees it. */
export const RSC_HEADER = "RSC"
export const RSC_QUERY = "_rsc"

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}
