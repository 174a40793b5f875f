// Where a browser write comes from (CSRF). A write must carry an Origin that is, whole (scheme, host
// and port), the public origin of APP_URL; a request that came through one of TRUSTED_PROXIES may also
// name the origin that proxy forwarded (X-Forwarded-Proto + X-Forwarded-Host). A client's own
// X-Forwarded-* headers are never believed: anyone can write them.
import type { Env } from "@/lib/config/env"

import { normalizeIp, PEER_ADDRESS_HEADER, trustedProxyList } from "@/lib/auth/client-ip"
import { FORWARDED_HOST_HEADER, FORWARDED_PROTO_HEADER } from "@/lib/config/front-contract"

export type RequestOriginSettings = Pick<Env, "APP_URL" | "TRUSTED_PROXIES">

/** The last value of a comma-separated forwarded header: the one our nearest proxy wrote. */
function lastHop(value: string | null): string | undefined {
  const hops = (value ?? "").split(",").map((h) => h.trim()).filter(Boolean)
  return hops.at(-1)
}

function isFromTrustedProxy(headers: Headers, settings: RequestOriginSettings): boolean {
  if (settings.TRUSTED_PROXIES.length === 0) return false
  const peer = normalizeIp(headers.get(PEER_ADDRESS_HEADER))
  if (!peer) return false
  return trustedProxyList(settings.TRUSTED_PROXIES).check(peer, peer.includes(":") ? "ipv6" : "ipv4")
}

/** The origins a write of this request may come from: APP_URL's, and a trusted proxy's forwarded one. */
export function allowedWriteOrigins(headers: Headers, settings: RequestOriginSettings): string[] {
  const origins = [new URL(settings.APP_URL).origin]
  if (isFromTrustedProxy(headers, settings)) {
    const host = lastHop(headers.get(FORWARDED_HOST_HEADER))
    const proto = lastHop(headers.get(FORWARDED_PROTO_HEADER)) ?? new URL(settings.APP_URL).protocol.replace(/:$/, "")
    if (host && (proto === "http" || proto === "https")) {
      try {
        origins.push(new URL(`${proto}://${host}`).origin)
      } catch {
        // A malformed forwarded host adds nothing.
      }
    }
  }
  return origins
}

/** Whether a write's Origin header is one of ours. No Origin (or "null", a sandboxed frame's) is refused. */
export function isSameOriginWrite(headers: Headers, settings: RequestOriginSettings): boolean {
  const origin = headers.get("origin")
  if (!origin || origin === "null") return false
  let parsed: string
  try {
    parsed = new URL(origin).origin
  } catch {
    return false
  }
  return allowedWriteOrigins(headers, settings).includes(parsed)
}

/** Whether a write's body is declared as JSON (a cross-site form or a "simple" fetch cannot send that). */
export function isJsonBody(headers: Headers): boolean {
  const type = headers.get("content-type")?.split(";")[0]?.trim().toLowerCase()
  return type === "application/json"
}

/**
 * A server action (a POST with Next.js's `Next-Action` header) that carries no Origin: Next.js lets it
 * through (it only compares an Origin when there is one), so the proxy refuses it.
 */
export function isOriginlessServerAction(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false
  const origin = headers.get("origin")
  return !origin || origin === "null"
}
