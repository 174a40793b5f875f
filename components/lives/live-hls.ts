// hls.js as the live page plays a live (app/lives/[slug]/_components/live-player.tsx), and as
// bench/latency.ts measures it: tuned for the origin's 1 s fragments (deploy/hls-origin), and, for a
// restricted live, the renewal of its signed media URL (lib/lives/hls-token.ts).
import type { HlsConfig } from "hls.js"

import type { LiveMediaUrlAnswer } from "@/lib/lives/schemas"

/**
 * Live-edge settings. The origin cuts 1 s fragments (keyframes every second) and lists 6: the player
 * holds LIVE_SYNC_SECONDS behind the newest one (docs/benchmarks.md: the glass-to-glass delay it
 * gives), speeds up a little (×1.1) to catch up after a stall instead of jumping, and jumps back
 * only beyond liveMaxLatencyDuration.
 */
export const LIVE_SYNC_SECONDS = 2
export const LIVE_HLS_SETTINGS = {
  liveDurationInfinity: true,
  lowLatencyMode: false,
  liveSyncDuration: LIVE_SYNC_SECONDS,
  liveMaxLatencyDuration: LIVE_SYNC_SECONDS + 4,
  maxLiveSyncPlaybackRate: 1.1,
  // Little forward buffer is possible at the edge anyway; keep the back buffer small on phones.
  backBufferLength: 30,
  manifestLoadingMaxRetry: 2,
  levelLoadingMaxRetry: 4,
  fragLoadingMaxRetry: 6,
} satisfies Partial<HlsConfig>

/** A signed path <base><token>/<expires>/<file>: the token and expiry to swap for fresher ones. */
const SIGNED_PATH = /\/([A-Za-z0-9_-]{22})\/(\d{1,12})\/([A-Za-z0-9_-]+\.(?:m3u8|ts))$/
/** Renew this long before the token expires (a fragment requested with it must still be accepted). */
const RENEW_MARGIN_MS = 60_000

/** Is this hls.js error the origin refusing the media (403: the access expired or was lost)? */
export function isMediaRefused(data: { response?: { code?: number } }): boolean {
  return data.response?.code === 403
}

/**
 * hls.js's xhrSetup for a live whose player source is the app's playlist route
 * (/api/lives/<slug>/playlist): asks /api/lives/<slug>/media-url for a signed URL instead of following
 * the route's redirect, then points every later request (variant playlists, fragments: they are named
 * relatively, so they carry the signed path) at the freshest signed path, renewing it shortly before
 * it expires — one app request per viewer per token lifetime. A renewal refused (signed out,
 * deactivated) keeps the old path: the origin then answers 403 and the player says the access expired.
 * Public lives (a plain URL) pass through untouched.
 */
export function signedMediaXhrSetup(slug: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): NonNullable<HlsConfig["xhrSetup"]> {
  let current: { url: URL; expiresAt: number } | null = null
  let renewing: Promise<void> | null = null
  const routePath = `/api/lives/${encodeURIComponent(slug)}/playlist`

  const renew = () =>
    (renewing ??= (async () => {
      try {
        const response = await fetchImpl(`/api/lives/${encodeURIComponent(slug)}/media-url`, { cache: "no-store", credentials: "same-origin" })
        if (!response.ok) return
        // Checked by hand (no zod in the page: its parser trips the CSP's no-eval).
        const answer = (await response.json()) as Partial<LiveMediaUrlAnswer>
        if (typeof answer.url !== "string") return
        current = { url: new URL(answer.url), expiresAt: answer.expiresAt ? Date.parse(answer.expiresAt) : Number.POSITIVE_INFINITY }
      } catch {
        // Offline for a moment: the old path still works until it expires; the next request tries again.
      } finally {
        renewing = null
      }
    })())

  return async (xhr, url) => {
    const target = new URL(url, window.location.href)
    const isRoute = target.origin === window.location.origin && target.pathname === routePath
    const signed = SIGNED_PATH.exec(target.pathname)
    if (!isRoute && !signed) return // a public live's URL: as it is
    if (!current || current.expiresAt - Date.now() < RENEW_MARGIN_MS) await renew()
    if (!current) return // not allowed (any more): the request gets the refusal it deserves
    if (isRoute) {
      xhr.open("GET", current.url.toString(), true)
      return
    }
    const fresh = SIGNED_PATH.exec(current.url.pathname)
    if (!fresh || target.origin !== current.url.origin) return
    target.pathname = target.pathname.replace(SIGNED_PATH, `/${fresh[1]}/${fresh[2]}/${signed![3]}`)
    xhr.open("GET", target.toString(), true)
  }
}
