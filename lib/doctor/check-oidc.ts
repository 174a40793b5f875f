// Doctor: when OpenID Connect is set up, the provider's discovery document answers and names the
// issuer of OIDC_ISSUER.
import { fetchOidcDiscovery } from "@/lib/auth/oidc-discovery"
import { isOidcEnabled, type Env } from "@/lib/config/env"

import { fail, pass, reasonOf, skip, type DoctorCheck } from "./doctor-check"

const CHECK = "OpenID Connect discovery"
const trim = (url: string) => url.replace(/\/+$/, "")

export async function checkOidc(env: Env): Promise<DoctorCheck> {
  if (!isOidcEnabled(env)) return skip(CHECK, "OpenID Connect is not set up (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)")
  try {
    const discovery = await fetchOidcDiscovery(env, 5_000)
    if (trim(discovery.issuer) !== trim(env.OIDC_ISSUER!)) {
      return fail(CHECK, `the provider says its issuer is ${discovery.issuer}, not ${env.OIDC_ISSUER}`, `set OIDC_ISSUER=${discovery.issuer}: sign-in refuses tokens from another issuer`)
    }
    return pass(CHECK, `${discovery.issuer}: authorization at ${discovery.authorization_endpoint}${discovery.end_session_endpoint ? ", sign-out offered" : ""}`)
  } catch (error) {
    return fail(CHECK, `${env.OIDC_ISSUER}/.well-known/openid-configuration: ${reasonOf(error)}`, "OIDC_ISSUER must be the provider's issuer URL, reachable from every app host")
  }
}
