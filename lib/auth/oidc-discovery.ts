// What the OpenID provider publishes at its discovery document, read when the sign-in page is shown
// (so a provider that is down is said at once, not after a click) and at sign-out (RP-initiated logout).
import { z } from "zod"

import { getEnv, isOidcEnabled, type Env } from "@/lib/config/env"
import { logger } from "@/lib/logger"

const DISCOVERY_TIMEOUT_MS = 2_000

const discoverySchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  end_session_endpoint: z.string().url().optional(),
})
export type OidcDiscovery = z.infer<typeof discoverySchema>

export function discoveryUrl(env: Env = getEnv()): string {
  return `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`
}

/** The provider's discovery document; throws when it does not answer well (also used by `npm run doctor`). */
export async function fetchOidcDiscovery(env: Env, timeoutMs = DISCOVERY_TIMEOUT_MS): Promise<OidcDiscovery> {
  const response = await fetch(discoveryUrl(env), { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return discoverySchema.parse(await response.json())
}

/** The provider's discovery document; null when SSO is not set up, or the provider does not answer well. */
export async function getOidcDiscovery(): Promise<OidcDiscovery | null> {
  const env = getEnv()
  if (!isOidcEnabled(env)) return null
  try {
    return await fetchOidcDiscovery(env)
  } catch (error) {
    // One line without a stack: the sign-in page asks at each view while the provider is down.
    const reason = error instanceof Error ? String(error.cause ?? error.message) : String(error)
    logger.warn({ issuer: env.OIDC_ISSUER, reason }, "OpenID provider unreachable")
    return null
  }
}

/** Where the app's sign-out sends an SSO session at the provider (RP-initiated logout), or null when it offers none. */
export async function getOidcEndSessionUrl(): Promise<string | null> {
  const env = getEnv()
  if (env.OIDC_LOGOUT === "off") return null
  const endpoint = (await getOidcDiscovery())?.end_session_endpoint
  if (!endpoint) return null
  const url = new URL(endpoint)
  url.searchParams.set("client_id", env.OIDC_CLIENT_ID!)
  url.searchParams.set("post_logout_redirect_uri", new URL("/login?signedOut=1", env.APP_URL).toString())
  return url.toString()
}
