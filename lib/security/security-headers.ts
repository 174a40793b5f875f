// Security headers of every response (set by proxy.ts). The CSP is nonce-based: Next.js reads the
// nonce from the request's Content-Security-Policy header and puts it on its own scripts, and
// 'strict-dynamic' lets those load the chunks they need. Media and connections may reach the HLS
// server (hls.js fetches playlists and segments, plays them through blob: URLs, and may run a
// blob: worker); server-sent events (/api/events) are same-origin. Pages refuse to be framed,
// except live pages, which universities embed in their LMS (LIVE_EMBED_ORIGINS).
import type { Env } from "@/lib/config/env"

export type SecurityHeaderSettings = Pick<Env, "APP_URL" | "POD_HLS_STREAM" | "LIVE_EMBED_ORIGINS" | "NODE_ENV">

/** A live page: /lives/<slug> (not the /lives list). */
export function isLivePagePath(pathname: string): boolean {
  return /^\/lives\/[^/]+\/?$/.test(pathname)
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64")
}

/** Where media and playlists come from, besides this origin. */
function hlsOrigin(settings: SecurityHeaderSettings): string {
  return new URL(settings.POD_HLS_STREAM).origin
}

export function contentSecurityPolicy(input: { nonce: string; pathname: string; settings: SecurityHeaderSettings }): string {
  const { nonce, settings } = input
  const dev = settings.NODE_ENV === "development"
  const https = settings.APP_URL.startsWith("https:")
  const hls = hlsOrigin(settings)
  const frameAncestors = isLivePagePath(input.pathname) ? ["'self'", ...settings.LIVE_EMBED_ORIGINS] : ["'none'"]
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'unsafe-eval' only in development, where React rebuilds server error stacks with eval.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Development injects styles without a nonce (hot reload).
    ["style-src", "'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["media-src", "'self'", "blob:", hls],
    ["connect-src", "'self'", hls],
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", ...frameAncestors],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ]
  return directives.map((d) => d.join(" ")).join("; ")
}

/**
 * Features no page uses are switched off; the video player may autoplay, go fullscreen and
 * picture-in-picture (for this origin, and inside an LMS frame that delegates them).
 */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=(self)",
  "camera=()",
  "display-capture=()",
  "encrypted-media=(self)",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "picture-in-picture=(self)",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ")

/** Response headers for a request to `pathname`, with this request's CSP nonce. */
export function securityHeaders(input: { nonce: string; pathname: string; settings: SecurityHeaderSettings }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(input),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
  }
  // Older browsers without frame-ancestors; it cannot list origins, so live pages rely on the CSP.
  if (!isLivePagePath(input.pathname)) headers["X-Frame-Options"] = "DENY"
  if (input.settings.APP_URL.startsWith("https:")) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
  return headers
}
