// How "Importer" fetches a teacher's URL: the guarded fetch with the EXTERNAL_VIDEO_* settings, video answers only.
import type { Env } from "@/lib/config/env"
import type { GuardedFetchPolicy } from "@/lib/net/guarded-fetch"

/** video/* and MP4's registered application type; nothing else is written to disk. */
export function isVideoMediaType(mediaType: string): boolean {
  return /^video\/[a-z0-9.+-]+$/.test(mediaType) || mediaType === "application/mp4"
}

export function getExternalVideoFetchPolicy(
  env: Pick<Env, "EXTERNAL_VIDEO_ALLOWED_HOSTS" | "EXTERNAL_VIDEO_ALLOWED_PORTS" | "EXTERNAL_VIDEO_MAX_BYTES" | "EXTERNAL_VIDEO_TIMEOUT_MS" | "EXTERNAL_VIDEO_MAX_REDIRECTS">,
): GuardedFetchPolicy {
  return {
    allowedHosts: env.EXTERNAL_VIDEO_ALLOWED_HOSTS,
    allowedPorts: env.EXTERNAL_VIDEO_ALLOWED_PORTS,
    maxBytes: env.EXTERNAL_VIDEO_MAX_BYTES,
    timeoutMs: env.EXTERNAL_VIDEO_TIMEOUT_MS,
    maxRedirects: env.EXTERNAL_VIDEO_MAX_REDIRECTS,
    isAcceptedType: isVideoMediaType,
  }
}
