// Private media of restricted lives (deploy/hls-origin/nginx-rtmp.conf.template, "Private media"): a
// restricted live's stream name starts with PRIVATE_STREAM_PREFIX, and the HLS origin serves its files
// only under <POD_HLS_STREAM><token>/<expires>/<file>, <token> being nginx secure_link's md5 of
// "<expires><stream name> <secret>" (base64url, unpadded). The origin checks every playlist and
// fragment itself; the app signs one URL per viewer per HLS_TOKEN_TTL_SECONDS.
import { createHash } from "node:crypto"

import type { Env } from "@/lib/config/env"

/** Stream names the origin serves only with a token (lib/streamers/claim-slots.ts gives them). */
export const PRIVATE_STREAM_PREFIX = "private-"

/** HLS_TOKEN_SECRET, or one derived from AUTH_SECRET (the same on the app and on a local origin). */
export function hlsTokenSecret(env: Pick<Env, "HLS_TOKEN_SECRET" | "AUTH_SECRET">): string {
  return env.HLS_TOKEN_SECRET ?? createHash("sha256").update(`bbb-pod-live hls token\n${env.AUTH_SECRET}`).digest("base64url")
}

/** nginx secure_link_md5 "$expires$stream $secret", as base64url without padding. */
export function hlsToken(stream: string, expires: number, secret: string): string {
  return createHash("md5").update(`${expires}${stream} ${secret}`).digest("base64url")
}

export type MediaUrl = { url: string; expiresAt: Date | null }

/**
 * The URL a viewer's player loads for the playlist at `hlsUrl` (<base><stream>.m3u8): signed until
 * now + ttl when the stream is private, as it is otherwise (a public stream, or a broadcaster an
 * admin pointed at another server).
 */
export function signHlsUrl(hlsUrl: string, options: { secret: string; ttlSeconds: number; now?: Date }): MediaUrl {
  const url = new URL(hlsUrl)
  const file = url.pathname.slice(url.pathname.lastIndexOf("/") + 1)
  const stream = file.replace(/\.m3u8$/, "")
  if (!stream.startsWith(PRIVATE_STREAM_PREFIX) || !/^[A-Za-z0-9-]+$/.test(stream)) return { url: hlsUrl, expiresAt: null }
  const expires = Math.floor((options.now ?? new Date()).getTime() / 1000) + options.ttlSeconds
  const signed = new URL(`${hlsToken(stream, expires, options.secret)}/${expires}/${file}`, url)
  return { url: signed.toString(), expiresAt: new Date(expires * 1000) }
}
